// The CSV files Sgwrs writes (BOM, "# " note lines before the header, quoted cells, CRLF),
// read back as their notes and rows keyed by the header.
export function parseCsv(input) {
  const text = input.replace(/^\uFEFF/, '');
  const notes = [];
  const records = [];
  let row = [];
  let cell = '';
  let quoted = false;
  let atLineStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (atLineStart && ch === '#') {
      const end = text.indexOf('\n', i);
      notes.push(text.slice(i + 2, end < 0 ? text.length : end).replace(/\r$/, ''));
      i = end < 0 ? text.length : end;
      continue;
    }
    atLineStart = false;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell.replace(/\r$/, ''));
      records.push(row);
      row = [];
      cell = '';
      atLineStart = true;
    } else cell += ch;
  }
  const [header = [], ...body] = records;
  return { notes, header, rows: body.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k] ?? '']))) };
}

// For each dimension (but headings, where a report counts under several) and theme, the
// "all" row less the sum of the rows shown: what subtraction would reveal. Zero everywhere
// when nothing can be recovered.
export function subtractionLeftovers(matrixRows) {
  const sums = new Map();
  for (const r of matrixRows) {
    if (r.dimension === 'heading' || r.reports_with_theme === '') continue;
    const key = `${r.dimension} ${r.theme_id}`;
    const s = sums.get(key) ?? { all: null, with: 0, in: 0 };
    if (r.column === 'all') s.all = [Number(r.reports_with_theme), Number(r.reports_in_cell)];
    else {
      s.with += Number(r.reports_with_theme);
      s.in += Number(r.reports_in_cell);
    }
    sums.set(key, s);
  }
  const out = {};
  for (const [key, s] of sums) if (s.all) out[key] = [s.all[0] - s.with, s.all[1] - s.in];
  return out;
}
