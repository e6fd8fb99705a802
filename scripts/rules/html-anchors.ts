/**
 * Teaches remark-validate-links that `<a name="x"></a>` (the anchors AWS pages put in headings)
 * is a valid fragment target, by giving the HTML node the `name` that plugin looks for.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

const ANCHOR = /<a\s+(?:[^>]*?\s)?(?:name|id)\s*=\s*["']([^"']+)["']/i;

export default function htmlAnchors() {
  return (tree: Root): void => {
    visit(tree, 'html', (node) => {
      const name = ANCHOR.exec(node.value)?.[1];
      if (name) node.data = { ...node.data, hProperties: { ...(node.data as { hProperties?: object } | undefined)?.hProperties, name } } as typeof node.data;
    });
  };
}
