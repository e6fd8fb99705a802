/**
 * The one reader for the JSON files a writer edits (topic catalog, services manifest, link
 * settings, configuration): parsed with jsonc-parser so every value keeps its position, checked
 * against a JSON Schema shipped beside this module, and every mistake reported as one line
 * `file:line:column: message` (a `FileError`: exit 2, no stack trace).
 *
 * Schemas may carry `"errorMessage": "must be ..."` next to a constraint: it replaces ajv's own
 * wording for that schema, so a writer reads "must be a whole number >= 1" instead of "must be integer".
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { isInside } from '../files/path-inside.js';
import { FileError, UserError } from '../user-error.js';

/** A JSON Schema (draft-07), as parsed from its file. */
export type JsonSchema = Record<string, unknown>;

export interface ReadJsonOptions {
  /** The path printed in messages (for example relative to the working directory); default `path`. */
  displayPath?: string;
}

/**
 * Reads, parses and validates a JSON file. `schema` is a schema object or the file name of a schema
 * shipped in `scripts/config/` (`"topics.schema.json"`). Defaults the schema declares are filled in.
 */
export function readJsonFile<T>(path: string, schema: JsonSchema | string, options: ReadJsonOptions = {}): T {
  const shown = options.displayPath ?? shownPath(path);
  return parseJsonText<T>(readTextFile(path, shown), shown, schema);
}

/** A settings file's text; a file that cannot be read is one line naming it (`shown`). */
export function readTextFile(path: string, shown = shownPath(path)): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`${shown}: ${code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? (error as Error).message})`}`);
  }
}

/**
 * A copy of a JSON object whose keys are the team's text (service folders, rule ids) without
 * Object.prototype: a folder named `constructor` or a key `__proto__` is then a key like any other,
 * never an inherited function or the object's prototype.
 */
export function keyedByText<T>(record: Readonly<Record<string, T>> | undefined): Record<string, T> {
  const table = Object.create(null) as Record<string, T>;
  // Own keys one by one: Object.assign would call the `__proto__` setter of a plain target.
  for (const key of Object.keys(record ?? {})) table[key] = record![key]!;
  return table;
}

/** Parses and validates JSON text that came from `path` (used in messages only). */
export function parseJsonText<T>(text: string, path: string, schema: JsonSchema | string): T {
  const tree = parseJson(text, path);
  // The tree has positions; the value comes from JSON.parse, as plain objects.
  const value = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  const validate = validator(schema);
  if (!validate(value)) throw schemaError(validate.errors ?? [], tree, text, path);
  return value as T;
}

/**
 * A `FileError` at the value (or with `atKey`, the key) that `segments` leads to, for a check a
 * schema cannot express (a rule id the preset does not know): the same one-line form as the rest.
 */
export function jsonErrorAt(text: string, path: string, segments: readonly (string | number)[], reason: string, options: { atKey?: boolean } = {}): FileError {
  const tree = parseJson(text, path);
  const { node, where } = walk(tree, segments.map(String));
  const at = options.atKey ? (node.parent?.type === 'property' ? node.parent.children?.[0] : undefined) ?? node : node;
  return errorAtOffset(text, path, at.offset, `${where ? `${where} ` : ''}${reason}`);
}

/** The absolute path of a schema shipped in `scripts/config/` (from the sources or the build). */
export function schemaPath(name: string): string {
  const candidates = [new URL(name, import.meta.url), new URL(`../../../scripts/config/${name}`, import.meta.url)];
  const found = candidates.find((url) => existsSync(url)) ?? candidates[0]!;
  return fileURLToPath(found);
}

/**
 * JSON text as a value, for files the schemas do not cover (the reports `merge-reports` joins): a
 * byte-order mark is accepted and a syntax error is one line at its line and column.
 */
export function parseJsonValue(text: string, path: string): unknown {
  parseJson(text, path);
  return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
}

/** Deeper than any settings file or report is written; the parser would overflow the stack long after. */
const MAX_NESTING = 64;

/** The offset of the first `[` or `{` nested deeper than `MAX_NESTING`, if any (strings skipped). */
function tooDeepAt(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      if (++depth > MAX_NESTING) return i;
    } else if (c === ']' || c === '}') depth--;
  }
  return undefined;
}

function parseJson(text: string, path: string): Node {
  const deep = tooDeepAt(text);
  if (deep !== undefined) throw errorAtOffset(text, path, deep, `nests deeper than ${MAX_NESTING} levels: no settings file or report needs that many`);
  const errors: ParseError[] = [];
  // A byte-order mark becomes a space, so offsets (and columns) stay those of the file.
  const source = text.startsWith('\uFEFF') ? ` ${text.slice(1)}` : text;
  const tree = parseTree(source, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first) throw errorAtOffset(text, path, first.offset, `not valid JSON: ${SYNTAX[printParseErrorCode(first.error)] ?? 'unexpected text'}`);
  if (!tree) throw errorAtOffset(text, path, 0, 'not valid JSON: expected a value');
  return tree;
}

const SYNTAX: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'expected a key in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected `:` after the key',
  CommaExpected: 'expected `,` between entries',
  CloseBraceExpected: 'expected `}`',
  CloseBracketExpected: 'expected `]`',
  EndOfFileExpected: 'unexpected text after the end',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comment never closed',
  UnexpectedEndOfString: 'string never closed (a line break inside a string must be written \\n)',
  UnexpectedEndOfNumber: 'number cut short',
  InvalidUnicode: 'malformed \\u escape',
  InvalidEscapeCharacter: 'unknown escape after `\\`',
  InvalidCharacter: 'control character inside a string',
};

let ajv: Ajv | undefined;

function validator(schema: JsonSchema | string): ValidateFunction {
  if (!ajv) {
    ajv = new Ajv({ allErrors: false, verbose: true, useDefaults: true, strict: true });
    ajv.addKeyword({ keyword: 'errorMessage', schemaType: 'string' });
    ajv.addFormat('regex', { type: 'string', validate: (text: string) => regexProblem(text) === undefined });
    // Every shipped schema under its file name, so one can refer to another ("topics.schema.json#/definitions/topic").
    const dir = dirname(schemaPath('topics.schema.json'));
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.schema.json'))) {
      ajv.addSchema(JSON.parse(readFileSync(join(dir, name), 'utf8')) as JsonSchema, name);
    }
  }
  if (typeof schema === 'string') {
    const shipped = ajv.getSchema(schema);
    if (!shipped) throw new Error(`no schema ${schema} in ${dirname(schemaPath(schema))}`);
    return shipped;
  }
  // ajv caches compiled schemas by object, so each schema compiles once per process.
  return ajv.compile(schema);
}

function schemaError(errors: ErrorObject[], tree: Node, text: string, path: string): FileError {
  // Of the alternatives of an anyOf, report the anyOf (it has the wording); otherwise the first error.
  const error = errors.find((e) => (e.keyword === 'anyOf' || e.keyword === 'oneOf') && customMessage(e)) ?? errors[0]!;
  const { node, where } = walk(tree, pointerSegments(error.instancePath));
  const params = error.params as { additionalProperty?: string; missingProperty?: string; allowedValues?: unknown[]; format?: string };
  const subject = where ? `${where} ` : '';
  const propertyName = (error as { propertyName?: string }).propertyName;
  if (error.keyword === 'additionalProperties') {
    const key = params.additionalProperty!;
    const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {}).filter((name) => name !== '$schema');
    return errorAtOffset(text, path, keyNode(node, key)?.offset ?? node.offset, `${where ? `${where}: ` : ''}unknown key ${quoted(key)}${known.length ? ` (one of: ${known.join(', ')})` : ''}`);
  }
  if (propertyName !== undefined) {
    const at = keyNode(node, propertyName)?.offset ?? node.offset;
    return errorAtOffset(text, path, at, `${where ? `${where}: ` : ''}key ${quoted(propertyName)} ${reason(error, propertyName)}`);
  }
  if (error.keyword === 'required') return errorAtOffset(text, path, node.offset, `${where || 'the file'} needs "${params.missingProperty}"`);
  return errorAtOffset(text, path, node.offset, `${subject || 'the file '}${reason(error, error.data)}, found ${found(error.data)}`);
}

function reason(error: ErrorObject, data: unknown): string {
  const custom = customMessage(error);
  const params = error.params as { allowedValues?: unknown[]; format?: string };
  if (error.keyword === 'format' && params.format === 'regex') return `is not a valid regular expression (${regexProblem(String(data))})`;
  if (custom) return custom;
  if (error.keyword === 'enum') return `must be one of ${params.allowedValues!.map((v) => JSON.stringify(v)).join(', ')}`;
  return error.message ?? `fails "${error.keyword}"`;
}

function customMessage(error: ErrorObject): string | undefined {
  const message = (error.parentSchema as { errorMessage?: unknown } | undefined)?.errorMessage;
  return typeof message === 'string' ? message : undefined;
}

function regexProblem(text: string): string | undefined {
  try {
    new RegExp(text);
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
  }
}

function found(data: unknown): string {
  if (Array.isArray(data)) return 'a list';
  if (typeof data === 'object' && data !== null) return 'an object';
  const text = JSON.stringify(data);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** `/topics/0/id` -> `["topics", "0", "id"]` (JSON Pointer, RFC 6901). */
function pointerSegments(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The node `segments` lead to (as far as they go) and its path as a writer reads it: `` `topics[0].id` ``. */
function walk(root: Node, segments: readonly string[]): { node: Node; where: string } {
  let node = root;
  let path = '';
  for (const segment of segments) {
    let next: Node | undefined;
    if (node.type === 'object') {
      next = node.children?.findLast((p) => p.children?.[0]?.value === segment)?.children?.[1];
      path += /^[A-Za-z_$][\w$-]*$/.test(segment) ? `${path ? '.' : ''}${segment}` : `[${JSON.stringify(segment)}]`;
    } else if (node.type === 'array') {
      next = node.children?.[Number(segment)];
      path += `[${segment}]`;
    }
    if (!next) break;
    node = next;
  }
  return { node, where: path ? `\`${path}\`` : '' };
}

function keyNode(object: Node, key: string): Node | undefined {
  return object.children?.findLast((p) => p.children?.[0]?.value === key)?.children?.[0];
}

/** A key as the message quotes it: JSON's escapes keep a line break in it from breaking the line. */
function quoted(text: string): string {
  return JSON.stringify(text).replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function errorAtOffset(text: string, path: string, offset: number, reason: string): FileError {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  // One line, whatever the file's text put into the reason (a key with a carriage return).
  return new FileError(shownPath(path), line, column, reason.replace(/[\r\n\u0085\u2028\u2029]+/g, ' '));
}

/** A settings file as messages name it: relative to the working directory when inside it, as the findings are. */
export function shownPath(path: string, cwd = process.cwd()): string {
  if (!isAbsolute(path) || !isInside(cwd, path)) return path;
  return relative(cwd, path) || path;
}
