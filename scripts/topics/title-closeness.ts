/**
 * How close a Topics title the catalog does not recognise is to a catalog topic, by the evidence a
 * careful reader weighs: the words the title shares with one of the topic's titles (its canonical
 * title or an alias), and the words of the file name it links to.
 *
 * Words are compared by stem ("Resiliency" meets "Resilience", "Controlling" meets "control"),
 * without the service's names and the small words every title has (and, for, in, using, security,
 * AWS, Amazon, ...). A title is *close* to a topic when it shares at least one word with one of the
 * topic's titles, and either all of the entry's words are in that title and they make at least half
 * of it, or all of that title's words are in the entry and make at least half of the entry's words.
 * "Controlling access with Amazon Kinesis Data Firehose" is close to "Controlling access to
 * {{service}} resources using IAM"; "Using Athena to query data registered with AWS Lake Formation"
 * shares only "data" with "Data protection in {{service}}" and is close to nothing.
 */
import { basename } from 'node:path';
import type { Topic } from './catalog.js';

const SMALL_WORDS = new Set(['and', 'for', 'the', 'with', 'using', 'use', 'your', 'from', 'into', 'amazon', 'aws', 'security', 'md']);

/** The stem of a lowercase word: enough to meet its other forms in titles and file names. */
function stem(word: string): string {
  let w = word;
  for (const suffix of ['ency', 'ence', 'ing', 'ies', 'es', 'ed', 's']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  // "practice" meets "practices", "controll" (controlling) meets "control".
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return /(.)\1$/.test(w) ? w.slice(0, -1) : w;
}

/** The stems a title (or file name) is judged by, without the given names' words and small words. */
export function wordsOf(text: string, names: readonly string[] = []): Set<string> {
  const split = (t: string): string[] =>
    t
      .replace(/\{\{[^}]*\}\}/g, ' ')
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 2 && !SMALL_WORDS.has(w))
      .map(stem);
  const own = new Set(names.flatMap(split));
  return new Set(split(text).filter((w) => !own.has(w)));
}

/** The words of each of a topic's titles (canonical and aliases). */
function titleWordsOf(topic: Topic): Set<string>[] {
  return [topic.title, ...topic.aliases].map((pattern) => wordsOf(pattern)).filter((words) => words.size > 0);
}

const shared = (a: ReadonlySet<string>, b: ReadonlySet<string>): number => [...a].filter((w) => b.has(w)).length;

/** True when a title is close to a topic (see the module comment); `names` are the service's. */
export function titleIsClose(title: string, topic: Topic, names: readonly string[]): boolean {
  const words = wordsOf(title, names);
  return titleWordsOf(topic).some((pattern) => {
    const common = shared(words, pattern);
    if (common === 0) return false;
    return (common === words.size && 2 * common >= pattern.size) || (common === pattern.size && 2 * common >= words.size);
  });
}

/** True when a title shares at least one word with one of the topic's titles. */
export function titleSharesWord(title: string, topic: Topic, names: readonly string[]): boolean {
  const words = wordsOf(title, names);
  return titleWordsOf(topic).some((pattern) => shared(words, pattern) > 0);
}

/**
 * True when a file name names the topic: every word of it is a word of the topic's id or titles
 * (`security-iam.md`, `disaster-recovery-resiliency.md`, `controlling-access.md`).
 */
export function fileNameNamesTopic(path: string, topic: Topic): boolean {
  const words = wordsOf(basename(path, '.md'));
  if (words.size === 0) return false;
  const known = new Set([...wordsOf(topic.id), ...titleWordsOf(topic).flatMap((w) => [...w])]);
  return [...words].every((w) => known.has(w));
}

/** The evidence that an entry stands for a topic: its title is close, its file name names it. */
export interface RetitleEvidence {
  titleIsClose: boolean;
  fileNameNamesTopic: boolean;
  /** 3 with both, 2 with a close title alone, 1 with the file name and a title sharing a word with the topic, else 0. */
  strength: number;
}

/** How strongly an entry (its title, the path it links to) stands for a topic. */
export function retitleEvidence(title: string, path: string | undefined, topic: Topic, names: readonly string[]): RetitleEvidence {
  const close = titleIsClose(title, topic, names);
  const named = path !== undefined && fileNameNamesTopic(path, topic);
  const strength = close ? (named ? 3 : 2) : named && titleSharesWord(title, topic, names) ? 1 : 0;
  return { titleIsClose: close, fileNameNamesTopic: named, strength };
}

/** The first catalog topic a title is close to, if any: a suggestion only worth making when close. */
export function closestTopic(title: string, topics: readonly Topic[], names: readonly string[] = []): Topic | undefined {
  return topics.find((topic) => titleIsClose(title, topic, names));
}
