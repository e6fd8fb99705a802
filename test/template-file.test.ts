/** Reading the template: placeholders, the free region, and clear errors when the template is wrong. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseTemplate, TemplateError } from '../scripts/template/template.js';
import { shippedTemplate } from './helpers/docs-tree.js';

const template = suite('template file');

template('the shipped template has a free region, a Topics label and a topics slot', () => {
  const kinds = parseTemplate(shippedTemplate, 'security.md').blocks.map((b) => b.kind);
  assert.equal(kinds, ['heading', 'paragraph', 'paragraph', 'item', 'item', 'paragraph', 'free', 'topicsLabel', 'topicsSlot']);
});

function errorOf(source: string): string {
  try {
    parseTemplate(source, '_template/security.md');
  } catch (error) {
    assert.instance(error, TemplateError);
    return (error as Error).message;
  }
  throw new Error('expected a TemplateError');
}

template('an unknown placeholder is named with its line and column', () => {
  assert.is(
    errorOf('# Security in {{service}}\n\nUse {{servce}} here.\n'),
    '_template/security.md:3:5: unknown placeholder `{{servce}}` (known: {{service}}, {{short}}, {{topics}})',
  );
});

template('an unclosed free region is an error at its start', () => {
  assert.is(
    errorOf('# Security in {{service}}\n\nText.\n\n<!-- free-region -->\n\nMore.\n'),
    '_template/security.md:5:1: free region is never closed: add <!-- /free-region -->',
  );
});

template('a template without an H1 naming {{service}} is refused', () => {
  assert.match(errorOf('Just text.\n'), /must start with an H1/);
  assert.match(errorOf('# Security\n'), /H1 must contain \{\{service\}\}/);
});

template.run();
