/**
 * The shared-responsibility template: a Markdown page with `{{service}}`, `{{short}}` and
 * `{{topics}}` placeholders and a free region for service notes. Loaded once per docs tree.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { blocksOf, type Block } from './blocks.js';
import { loadCached } from './file-cache.js';
import { FileError } from '../user-error.js';
import { parseMarkdown } from '../corpus/markdown.js';

/** Where a docs tree keeps its template, manifest and catalog. */
export const TEMPLATE_DIR = '_template';
export const TEMPLATE_FILE = 'security.md';
/** The page of each service folder that must follow the template. */
export const SERVICE_PAGE = 'security.md';

export const PLACEHOLDERS = ['service', 'short', 'topics'] as const;
export const FREE_START = /^<!--\s*free-region\s*(?::[^>]*)?-->$/;
export const FREE_END = /^<!--\s*\/free-region\s*-->$/;

export type TemplateBlockKind = 'heading' | 'paragraph' | 'item' | 'topicsLabel' | 'topicsSlot' | 'free';

export interface TemplateBlock extends Omit<Block, 'kind'> {
  kind: TemplateBlockKind;
  /** Position in the template's block list. */
  index: number;
}

export interface Template {
  path: string;
  source: string;
  blocks: TemplateBlock[];
}

/** A problem in the template itself: the run cannot go on, and the writer must fix the template. */
export class TemplateError extends FileError {}

export function templatePath(docsRoot: string): string {
  return join(docsRoot, TEMPLATE_DIR, TEMPLATE_FILE);
}

/** Loads (and caches until it changes on disk) the template of a docs tree. */
export function loadTemplate(docsRoot: string): Template {
  return loadCached(templatePath(docsRoot), (path) => {
    if (!existsSync(path)) throw new TemplateError(path, 1, 1, 'template not found: every docs tree needs its template here');
    return parseTemplate(readFileSync(path, 'utf8'), path);
  });
}

/** Parses template source into blocks, validating placeholders and the free region. */
export function parseTemplate(source: string, path: string): Template {
  const tree = parseMarkdown(source);
  const blocks: TemplateBlock[] = [];
  let freeOpen: Block | undefined;
  let seenFree = false;
  for (const block of blocksOf(tree, source)) {
    const at = block.node.position?.start ?? { line: 1, column: 1 };
    if (block.kind === 'html') {
      const html = (block.html ?? '').trim();
      if (FREE_START.test(html)) {
        if (freeOpen || seenFree) throw new TemplateError(path, at.line, at.column, 'the template may have only one free region');
        freeOpen = block;
        blocks.push({ ...block, kind: 'free', index: blocks.length });
      } else if (FREE_END.test(html)) {
        if (!freeOpen) throw new TemplateError(path, at.line, at.column, 'free region closed but never opened');
        freeOpen = undefined;
        seenFree = true;
      }
      continue;
    }
    if (freeOpen) continue; // example content inside the free region is not required
    for (const token of block.tokens) {
      if (token.kind !== 'placeholder') continue;
      const name = token.text.slice(2, -2).trim();
      if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
        const { line, column } = pointAt(source, token.start);
        throw new TemplateError(path, line, column, `unknown placeholder \`${token.text}\` (known: ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')})`);
      }
    }
    let kind: TemplateBlockKind;
    if (block.kind === 'topicsList') {
      kind = 'topicsSlot';
    } else if (block.kind === 'heading' || block.kind === 'paragraph' || block.kind === 'item' || block.kind === 'topicsLabel') {
      kind = block.kind;
    } else {
      throw new TemplateError(path, at.line, at.column, `unsupported ${block.node.type} in the template: use paragraphs, list items and headings`);
    }
    blocks.push({ ...block, kind, index: blocks.length });
  }
  if (freeOpen) {
    const at = freeOpen.node.position?.start ?? { line: 1, column: 1 };
    throw new TemplateError(path, at.line, at.column, 'free region is never closed: add <!-- /free-region -->');
  }
  const first = blocks[0];
  if (!first || first.kind !== 'heading' || first.depth !== 1) {
    throw new TemplateError(path, 1, 1, 'the template must start with an H1 such as `# Security in {{service}}`');
  }
  if (!first.tokens.some((t) => t.text.replace(/\s/g, '') === '{{service}}')) {
    throw new TemplateError(path, 1, 1, 'the template H1 must contain {{service}}: the H1 is what names the service');
  }
  return { path, source, blocks };
}

/** 1-based line and column of an offset. */
export function pointAt(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Name of a placeholder token (`{{ short }}` -> `short`). */
export function placeholderName(text: string): string {
  return text.slice(2, -2).trim();
}
