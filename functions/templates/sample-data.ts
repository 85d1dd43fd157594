/**
 * Realistic sample contexts for every kind: what the preview renders, what `templates check`
 * renders each template with, and what the tests and the bench use. Every sample satisfies its
 * kind's schema (a test checks it) and exercises the optional fields, so nothing is hidden.
 */
import type { BrandContext, EmailContexts, EmailKind } from '#templates/schemas';

export const sampleBrand: BrandContext = {
  name: 'Nordlys Home',
  postalAddress: ['Nordlys Home ApS', 'Vestergade 12', '8000 Aarhus C', 'Denmark'],
  website: 'https://www.example.com',
  signOff: 'Customer Care',
};

const received = '2025-03-10T08:42:00Z';

export const sampleContexts: { [K in EmailKind]: EmailContexts[K] } = {
  acknowledgement: {
    brand: sampleBrand,
    customer: { name: 'Anna Jensen' },
    complaint: { reference: 'CMP-7K3QX9', subject: 'Sofa delivered with a torn cushion', receivedAt: received },
    sla: {
      firstResponseDue: '2025-03-10T16:42:00Z',
      resolutionDue: '2025-03-15T08:42:00Z',
      firstResponseWithin: 'PT8H',
      resolutionWithin: 'P5D',
    },
  },
  'follow-up': {
    brand: sampleBrand,
    customer: { name: 'Anna Jensen' },
    complaint: { reference: 'CMP-7K3QX9', subject: 'Sofa delivered with a torn cushion', receivedAt: received },
    sla: { resolutionDue: '2025-03-15T08:42:00Z' },
    progress: {
      overdue: false,
      note: 'Our supplier has confirmed that a replacement cushion cover is in stock.\nWe are now arranging the delivery with the carrier.',
      nextUpdateBy: '2025-03-13T12:00:00Z',
    },
  },
  'agent-reply': {
    brand: sampleBrand,
    customer: { name: 'Anna Jensen' },
    complaint: { reference: 'CMP-7K3QX9', subject: 'Sofa delivered with a torn cushion' },
    agent: { name: 'Mikkel Sørensen', title: 'Customer Care' },
    reply: {
      body: 'Thank you for the photos — they show the tear clearly.\n\nWe can send you a new cushion cover, or collect the sofa and repair it at our workshop. Which would suit you better?\nThe cover can be with you within three working days.',
    },
  },
  'resolution-letter': {
    brand: sampleBrand,
    customer: { name: 'Anna Jensen', postalAddress: ['Søndergade 4, 2. tv.', '8000 Aarhus C'] },
    complaint: {
      reference: 'CMP-7K3QX9',
      subject: 'Sofa delivered with a torn cushion',
      receivedAt: received,
      summary: 'The sofa (order 4471-220) was delivered on 7 March with a 10 cm tear in the seat cushion cover.',
    },
    letter: { date: '2025-03-14T09:00:00Z', cc: [{ name: 'Lene Holm', role: 'Head of Customer Care' }, { name: 'Warehouse Aarhus' }] },
    contacts: [
      { date: '2025-03-10T13:15:00Z', summary: 'Mikkel Sørensen replied by email and asked for photos of the damage.' },
      { date: '2025-03-11T10:30:00Z', summary: 'Phone call with Anna Jensen: she preferred a new cover to a workshop repair.' },
    ],
    resolution: {
      agreement: 'A new cushion cover was delivered and fitted on 13 March at no cost.',
      prevention: 'Cushions are now wrapped in a second protective layer before they leave the warehouse, and the carrier has been informed of the damage.',
    },
    signatory: { name: 'Lene Holm', title: 'Head of Customer Care' },
  },
  'feedback-request': {
    brand: sampleBrand,
    customer: { name: 'Anna Jensen' },
    complaint: { reference: 'CMP-7K3QX9', subject: 'Sofa delivered with a torn cushion', resolvedAt: '2025-03-14T09:00:00Z' },
    feedback: {
      url: 'https://www.example.com/feedback?t=sample',
      ratingLinks: [1, 2, 3, 4, 5].map((rating) => ({ rating, url: `https://www.example.com/feedback?t=sample&r=${rating}` })),
    },
  },
  'thank-you': {
    brand: sampleBrand,
    customer: { name: 'Anna Jensen' },
    complaint: { reference: 'CMP-7K3QX9', subject: 'Sofa delivered with a torn cushion' },
    feedback: { score: 4, comment: 'Quick and friendly, but the first reply took a day.' },
  },
  'agent-notification': {
    brand: sampleBrand,
    event: 'new-complaint',
    complaint: {
      reference: 'CMP-7K3QX9',
      subject: 'Sofa delivered with a torn cushion',
      receivedAt: received,
      category: 'delivery',
      severity: 'high',
      language: 'da',
      excerpt: 'Hej, vores sofa blev leveret i fredags, og sædehynden har en flænge på ca. 10 cm. Ordrenummer 4471-220.',
      attachmentCount: 2,
      accountNumbers: [],
      orderNumbers: ['4471-220'],
    },
    customer: {
      name: 'Anna Jensen',
      email: 'anna.jensen@example.net',
      earlierComplaints: [
        { reference: 'CMP-9D4LM2', subject: 'Sofa delivery two weeks late', receivedAt: '2025-01-20T10:05:00Z', status: 'resolved', category: 'delivery' },
        { reference: 'CMP-2H8RT4', subject: 'Invoice sent twice', receivedAt: '2024-11-02T09:15:00Z', status: 'closed', category: 'billing' },
      ],
    },
    sla: { firstResponseDue: '2025-03-10T16:42:00Z', resolutionDue: '2025-03-15T08:42:00Z' },
    relatedTo: 'CMP-5W1ZQ2',
    repeat: { previous: 1, sameCategory: 1, window: 'P90D' },
    link: 'https://admin.example.com/complaints/CMP-7K3QX9',
  },
  escalation: {
    brand: sampleBrand,
    reason: 'sla-breach',
    complaint: {
      reference: 'CMP-7K3QX9',
      subject: 'Sofa delivered with a torn cushion',
      receivedAt: received,
      category: 'delivery',
      severity: 'high',
      language: 'da',
      status: 'open',
    },
    customer: { name: 'Anna Jensen', email: 'anna.jensen@example.net', previousComplaints: 1 },
    sla: { firstResponseDue: '2025-03-10T16:42:00Z', resolutionDue: '2025-03-15T08:42:00Z', overdueBy: 'PT6H' },
    escalatedBy: 'Mikkel Sørensen',
    note: 'The carrier has not answered for two days; we need a decision on replacing the sofa.',
  },
  report: {
    brand: sampleBrand,
    period: { from: '2025-01-31T23:00:00Z', to: '2025-02-28T22:59:59Z' },
    totals: { received: 148, resolved: 131, open: 17, overdue: 4 },
    sla: { firstResponseMet: 0.946, resolutionMet: 0.881, medianFirstResponse: 'PT3H20M', medianResolution: 'P2DT5H', breaches: { firstResponse: 8, resolution: 16 } },
    categories: [
      { name: 'delivery', count: 61, share: 0.412, bar: 100 },
      { name: 'product', count: 42, share: 0.284, bar: 69 },
      { name: 'billing', count: 27, share: 0.182, bar: 44 },
      { name: 'service', count: 18, share: 0.122, bar: 30 },
    ],
    languages: [
      { name: 'da', count: 97, share: 0.655, bar: 100 },
      { name: 'en', count: 39, share: 0.264, bar: 40 },
      { name: 'et', count: 12, share: 0.081, bar: 12 },
    ],
    severities: [
      { name: 'urgent', count: 5, share: 0.034, bar: 4 },
      { name: 'high', count: 23, share: 0.155, bar: 19 },
      { name: 'normal', count: 120, share: 0.811, bar: 100 },
    ],
    times: {
      acknowledgement: { count: 148, median: 'PT4S', p90: 'PT9S' },
      firstReply: { count: 139, median: 'PT3H20M', p90: 'PT11H' },
      resolution: { count: 131, median: 'P2DT5H', p90: 'P6DT2H' },
    },
    recurring: [
      { name: 'Damaged cushions on delivery', count: 9 },
      { name: 'Invoice sent twice', count: 4 },
    ],
    repeats: { complaints: 11, rate: 0.074, categories: [{ name: 'delivery', count: 7, share: 0.636, bar: 100 }, { name: 'billing', count: 4, share: 0.364, bar: 57 }] },
    bursts: [{ category: 'delivery', windowStart: '2025-02-17T00:00:00Z', count: 14, threshold: 6 }],
    agents: [
      { name: 'Mikkel Sørensen', handled: 52, medianFirstResponse: 'PT2H45M' },
      { name: 'Kadri Tamm', handled: 47, medianFirstResponse: 'PT3H10M' },
      { name: 'Ingrid Berg', handled: 32 },
    ],
    satisfaction: {
      responses: 64,
      averageScore: 4.2,
      distribution: [
        { rating: 5, count: 34, share: 0.531, bar: 100 },
        { rating: 4, count: 17, share: 0.266, bar: 50 },
        { rating: 3, count: 7, share: 0.109, bar: 21 },
        { rating: 2, count: 4, share: 0.063, bar: 12 },
        { rating: 1, count: 2, share: 0.031, bar: 6 },
      ],
    },
  },
};

/** A customer who writes markup and template syntax: must come out escaped in HTML and intact in text. */
export const HOSTILE_TEXT = '<script>alert("x")</script> {{brand.name}} {{{customer.name}}} & co';

/** A kind's sample with the brand an admin set in templates/brand.json (what the preview shows). */
export function sampleWithBrand<K extends EmailKind>(kind: K, brand: BrandContext): EmailContexts[K] {
  const { name, postalAddress, website, signOff } = brand;
  return { ...sampleContexts[kind], brand: { name, postalAddress, ...(website ? { website } : {}), signOff } };
}
