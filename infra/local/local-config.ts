import type { AppConfigInput } from '#config/app-config';

/**
 * The configuration `npm start` runs with: example.com addresses and a lifecycle shrunk to minutes,
 * so acknowledgement → follow-up → resolution → feedback request → thank-you is visible in one sitting.
 */
export const LOCAL_APP_CONFIG: AppConfigInput = {
  brand: {
    name: 'Northwind Goods',
    fromAddress: 'care@example.com',
    postalAddress: ['Northwind Goods ApS', 'Havnegade 12', '1058 København K', 'Denmark'],
    website: 'https://www.example.com',
    signOff: 'Customer Care',
  },
  complaintAddress: 'complaints@example.com',
  agentsAddress: 'agents@example.com',
  agents: [
    { name: 'Sam Berg', email: 'sam.berg@staff.example.org', title: 'Customer Care Specialist' },
    { name: 'Liis Tamm', email: 'liis.tamm@staff.example.org', title: 'Customer Care Lead' },
  ],
  managersAddress: 'managers@example.com',
  defaultLocale: 'en',
  sla: { firstResponse: 'PT10M', resolution: 'PT30M' },
  lifecycle: { followUpEvery: 'PT3M', followUpMax: 2, feedbackRequestAfter: 'PT1M', feedbackLinkValidity: 'P30D' },
  identifierPatterns: {
    account: ['\\b(?:account|customer|kunde|konto|klient)\\s*(?:no\\.?|number|nr\\.?|nummer|#)?\\s*[:#]?\\s*([A-Z0-9]{5,12})\\b'],
    order: ['\\b(?:order|ordre|bestilling|tellimus|bestellung)\\s*(?:no\\.?|number|nr\\.?|nummer|#)?\\s*[:#]?\\s*([A-Z0-9-]{4,16})\\b'],
  },
  retentionDays: 1095,
};

export const LOCAL_NAMES = {
  tableName: 'complaints',
  mailBucket: 'complaints-mail',
  inboundPrefix: 'inbound/',
  attachmentsPrefix: 'attachments/',
  schedulerQueue: 'complaints-scheduler',
  schedulerDlq: 'complaints-scheduler-dlq',
  inboundFailures: 'complaints-inbound-failures',
  /** The SES configuration set whose bounce/complaint events reach the ses-notifications handler. */
  configurationSet: 'complaints',
  sesNotificationsTopic: 'complaints-ses-notifications',
  sesNotificationFailures: 'complaints-ses-notification-failures',
  region: 'eu-west-1',
} as const;
