/**
 * Teaches remark-validate-links that `<a name="x"></a>` (the anchors AWS pages put in headings)
 * is a valid fragment target, by giving the HTML node the `name` that plugin looks for. The
 * anchors are read as the corpus index reads them (`htmlAnchorsIn`: none inside HTML comments),
 * so both link checkers know the same anchors.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { htmlAnchorsIn } from './corpus-index.js';

export default function htmlAnchors() {
  return (tree: Root): void => {
    visit(tree, 'html', (node) => {
      // remark-validate-links takes one name per node: the first anchor of the HTML.
      const name = htmlAnchorsIn(node.value)[0];
      if (name) node.data = { ...node.data, hProperties: { ...(node.data as { hProperties?: object } | undefined)?.hProperties, name } } as typeof node.data;
    });
  };
}
