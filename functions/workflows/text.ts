/** The problem as reported: the customer's first sentences, without greeting lines. */
export function firstSentences(body: string, maxChars = 400): string {
  const lines = body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !/^(hi|hello|dear|hej|hei|tere|hallo|guten tag)\b[^.]*,?$/i.test(line));
  const text = lines.join(' ');
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('! '), cut.lastIndexOf('? '));
  return end > 80 ? cut.slice(0, end + 1) : `${cut.trimEnd()}…`;
}
