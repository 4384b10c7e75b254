/**
 * Folds a place name or a typed query to a comparable key: lower case, accents and apostrophes
 * dropped, punctuation and hyphens as spaces, and "saint"/"st." both as "st", so that
 * "St. Albans", "saint albans" and "ST ALBANS" meet, as do "Bo’ness" and "boness".
 */
export function normalisePlaceName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((word) => (word === 'saint' ? 'st' : word))
    .join(' ');
}
