/** Small statistics for the benchmark: medians and quartiles of a sample. */

/** @param {number[]} values @param {number} q between 0 and 1 */
export function quantile(values, q) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

/** @param {number[]} values */
export const median = (values) => quantile(values, 0.5);

/** Median with the interquartile range, rounded for the JSON. @param {number[]} values @param {number} [digits] */
export function summary(values, digits = 2) {
  const round = (v) => (Number.isFinite(v) ? Number(v.toFixed(digits)) : null);
  return {
    median: round(median(values)),
    p25: round(quantile(values, 0.25)),
    p75: round(quantile(values, 0.75)),
    n: values.length,
  };
}
