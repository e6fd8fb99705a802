/** Order checks shared by the template and topic rules. */

/**
 * Indexes of one longest strictly increasing subsequence: the items that are already in order.
 * Quadratic, which is right for a page's dozen blocks or topics.
 */
export function longestIncreasing(values: readonly number[]): Set<number> {
  const length = values.map(() => 1);
  const previous = values.map(() => -1);
  let best = -1;
  for (let i = 0; i < values.length; i++) {
    for (let j = 0; j < i; j++) {
      if (values[j]! < values[i]! && length[j]! + 1 > length[i]!) {
        length[i] = length[j]! + 1;
        previous[i] = j;
      }
    }
    if (best === -1 || length[i]! > length[best]!) best = i;
  }
  const keep = new Set<number>();
  for (let i = best; i !== -1; i = previous[i]!) keep.add(i);
  return keep;
}
