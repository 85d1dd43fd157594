import type { Severity } from '../complaint.ts';

const URGENT_CUES = [
  // legal action and authorities
  'lawyer', 'solicitor', 'attorney', 'legal action', 'sue ', 'court', 'ombudsman', 'consumer authority', 'trading standards',
  'advokat', 'retssag', 'forbrugerombudsmand', 'forbrugerrådet', 'forbrukerrådet', 'forbrukertilsynet', 'søksmål', 'rettssak',
  'advokaat', 'kohtusse', 'tarbijakaitse', 'anwalt', 'verbraucherzentrale', 'klage beim gericht', 'jurist', 'konsumentverket',
  // safety
  'injury', 'injured', 'fire', 'burn', 'smoke', 'electric shock', 'hospital', 'dangerous', 'unsafe',
  'brand', 'skadet', 'kvæstet', 'røg', 'røyk', 'farlig', 'sygehus', 'sykehus', 'vigastus', 'tulekahju', 'suits', 'ohtlik', 'haigla', 'verletzt', 'gefährlich',
  // public exposure
  'newspaper', 'journalist', 'press', 'social media', 'trustpilot', 'review', 'facebook', 'twitter',
  'avis', 'presse', 'sociale medier', 'sosiale medier', 'ajakirjandus', 'sotsiaalmeedia', 'zeitung',
  // personal data
  'data breach', 'personal data', 'gdpr', 'someone else\'s', 'persondata', 'personopplysninger', 'isikuandmed', 'datenschutz',
];

const HIGH_CUES = ['unacceptable', 'furious', 'disgusted', 'again', 'third time', 'second time', 'immediately', 'uacceptabel', 'uakseptabelt', 'igen', 'igjen', 'vastuvõetamatu', 'jälle', 'inakzeptabel', 'oacceptabelt'];

export function classifySeverity(text: string): { severity: Severity; signals: string[] } {
  const haystack = ` ${text.toLowerCase()} `;
  const urgent = URGENT_CUES.filter((cue) => haystack.includes(cue));
  if (urgent.length > 0) return { severity: 'urgent', signals: urgent.map((cue) => `urgent cue "${cue.trim()}"`) };
  const high = HIGH_CUES.filter((cue) => haystack.includes(cue));
  if (high.length > 0) return { severity: 'high', signals: high.map((cue) => `high cue "${cue}"`) };
  return { severity: 'normal', signals: [] };
}
