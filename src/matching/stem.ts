// A deliberately small suffix stemmer: "codes", "coded", "coding" and "code" all become "cod".
// It only has to be consistent (corpus and questions go through the same function), not linguistic.
const MIN_STEM = 3;

export function stem(word: string): string {
  if (word.length <= MIN_STEM || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies') && w.length - 3 >= MIN_STEM - 1) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && w.length - 1 >= MIN_STEM) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length - 3 >= MIN_STEM) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length - 2 >= MIN_STEM) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length - 1 >= MIN_STEM) w = w.slice(0, -1);
  // "spinning" -> "spinn" -> "spin", "stopped" -> "stopp" -> "stop"
  if (w.length > MIN_STEM + 1 && w.at(-1) === w.at(-2) && !/[lsz]/.test(w.at(-1) ?? '')) w = w.slice(0, -1);
  return w;
}
