// Shared by the lexicon test files: every mention the extractor reads in one invented sentence, the ones that can be
// evidence (context current or history), and one type's mentions as [text, context] pairs.
import { noteMentions, type NoteMention } from '../../../src/fhir/notes/mentions';

export const mentions = (text: string): NoteMention[] =>
  noteMentions({ ref: 'DocumentReference/t', title: 't', date: '2025-06-01', contentType: 'text/plain', text });

export const evidence = (text: string, type: NoteMention['type']): NoteMention[] =>
  mentions(text).filter((m) => m.type === type && (m.context === 'current' || m.context === 'history'));

export const textAndContext = (text: string, type: NoteMention['type']): [string, NoteMention['context']][] =>
  mentions(text)
    .filter((m) => m.type === type)
    .map((m) => [m.text, m.context]);
