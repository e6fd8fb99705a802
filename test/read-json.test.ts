/** The one JSON reader: syntax and schema mistakes as one line `file:line:column: message`. */
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { jsonErrorAt, keyedByText, parseJsonText, parseJsonValue, readJsonFile, shownPath } from '../scripts/config/read-json.js';
import { FileError, UserError } from '../scripts/user-error.js';
import { makeDocsTree } from './helpers/docs-tree.js';

const json = suite('read-json');

const message = (text: string, schema: string): string => {
  try {
    parseJsonText(text, 'f.json', schema);
  } catch (error) {
    assert.instance(error, FileError);
    return (error as Error).message;
  }
  return 'accepted';
};

json('a syntax error points at where the JSON breaks, in words', () => {
  assert.equal(
    [message('{"topics": [', 'topics.schema.json'), message('', 'topics.schema.json'), message('{"topics": [] // note\n}', 'topics.schema.json'), message('{\n  "topics": [],\n}', 'topics.schema.json')],
    [
      'f.json:1:13: not valid JSON: expected `]`',
      'f.json:1:1: not valid JSON: expected a value',
      'f.json:1:15: not valid JSON: comments are not allowed in JSON',
      'f.json:3:1: not valid JSON: expected a key in double quotes',
    ],
  );
});

json('a topic catalog mistake names the entry and points at the value (an unknown key at the key)', () => {
  assert.equal(
    [
      message('[]', 'topics.schema.json'),
      message('{"topics": [{"id": "Data", "title": "x {{service}}"}]}', 'topics.schema.json'),
      message('{"topics": [{"id": "data", "title": "x {{service}}",\n  "titel": "y"}]}', 'topics.schema.json'),
      message('{"topics": [{"id": "data", "title": " "}]}', 'topics.schema.json'),
      message('{"topics": [{"id": "data", "title": "x {{service}}", "required": "no"}]}', 'topics.schema.json'),
      message('{"topics": [{"id": "data"}]}', 'topics.schema.json'),
    ],
    [
      'f.json:1:1: the file must be {"topics": [{"id", "title", "aliases", "required"}, ...]}, found a list',
      'f.json:1:20: `topics[0].id` must be a lower-case slug such as "data-protection", found "Data"',
      'f.json:2:3: `topics[0]`: unknown key "titel" (one of: id, title, aliases, required, after)',
      'f.json:1:37: `topics[0].title` must be a title such as "Data protection in {{service}}", found " "',
      'f.json:1:66: `topics[0].required` must be true or false, found "no"',
      'f.json:1:13: `topics[0]` needs "title"',
    ],
  );
});

json('the services manifest shares the topic schema for its extra topics', () => {
  assert.equal(
    [
      message('{"services": {"s3": {"short": "S3"}}}', 'services.schema.json'),
      message('{"services": {"s3": {"service": "S3", "extraTopics": [{"id": "x", "title": ""}]}}}', 'services.schema.json'),
      message('{"services": {"s3": {"service": "Amazon S3", "extraTopics": [{"id": "x", "title": "X in {{short}}", "after": "data-protection"}]}}}', 'services.schema.json'),
    ],
    [
      'f.json:1:21: `services.s3` needs "service"',
      'f.json:1:76: `services.s3.extraTopics[0].title` must be a title such as "Data protection in {{service}}", found ""',
      'accepted',
    ],
  );
});

json('defaults the schema declares are filled in; a byte-order mark keeps the columns', () => {
  assert.equal(parseJsonText('\uFEFF{"topics": [{"id": "x", "title": "X in {{service}}"}]}', 'f.json', 'topics.schema.json'), {
    topics: [{ id: 'x', title: 'X in {{service}}', aliases: [], required: true }],
  });
  assert.is(message('\uFEFF{"topics": 1}', 'topics.schema.json'), 'f.json:1:13: `topics` must be a list of topics, found 1');
});

json('a missing file is a one-line error; a check beyond the schema uses the same form', () => {
  const root = makeDocsTree({});
  try {
    readJsonFile(join(root, 'none.json'), 'topics.schema.json', { displayPath: 'none.json' });
    assert.unreachable();
  } catch (error) {
    assert.instance(error, UserError);
    assert.is((error as Error).message, 'none.json: no such file');
  }
  const text = '{\n  "rules": {\n    "no-such-rule": "warn"\n  }\n}';
  assert.is(jsonErrorAt(text, 'c.json', ['rules', 'no-such-rule'], 'names no rule', { atKey: true }).message, 'c.json:3:5: `rules.no-such-rule` names no rule');
  assert.is(jsonErrorAt(text, 'c.json', ['rules', 'no-such-rule'], 'is not a severity').message, 'c.json:3:21: `rules.no-such-rule` is not a severity');
});

json('a key with a line break is quoted, so the message stays one line', () => {
  assert.is(message('{"topics": [], "a\\r\\nb": 1}', 'topics.schema.json'), 'f.json:1:16: unknown key "a\\r\\nb" (one of: topics)');
  assert.is(message('{"topics": [], "a\\u2028b": 1}', 'topics.schema.json'), 'f.json:1:16: unknown key "a\\u2028b" (one of: topics)');
});

json('a file nested deeper than 64 levels is refused at the bracket, before the parser recurses', () => {
  assert.is(message(`{"topics": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`, 'topics.schema.json'), 'f.json:1:75: nests deeper than 64 levels: no settings file or report needs that many');
  assert.is(message(`{"topics": [], "$schema": "${'['.repeat(100)}"}`, 'topics.schema.json'), 'accepted', 'brackets inside a string do not nest');
});

json('a JSON value without a schema: a byte-order mark is accepted, a mistake is one line', () => {
  assert.equal(parseJsonValue('\uFEFF[\n]\n', 'r.json'), []);
  assert.throws(() => parseJsonValue('[\n  {"file": "x.md"\n]', 'r.json'), (error: Error) => error instanceof FileError && error.message === 'r.json:3:1: not valid JSON: expected `,` between entries');
});

json('keys that are names of Object.prototype look up as keys', () => {
  const table = keyedByText(JSON.parse('{"constructor": 1, "__proto__": 2}') as Record<string, number>);
  assert.equal([table.constructor, table['__proto__'], table.toString, table.hasOwnProperty, Object.getPrototypeOf(table)], [1, 2, undefined, undefined, null]);
});

json('a settings file is named relative to the working directory when inside it, as findings are', () => {
  assert.is(shownPath(join('/repo', 'docs', '_template', 'topics.json'), '/repo'), join('docs', '_template', 'topics.json'));
  assert.is(shownPath('/elsewhere/topics.json', '/repo'), '/elsewhere/topics.json');
  assert.is(shownPath('docs/x.json', '/repo'), 'docs/x.json');
});

json.run();
