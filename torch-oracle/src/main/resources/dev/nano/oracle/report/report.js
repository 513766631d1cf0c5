function cellValue(row, i) {
  const c = row.cells[i];
  if (c.dataset.v !== undefined) return parseFloat(c.dataset.v);
  const s = c.textContent.trim(), n = Number(s);
  return s !== '' && !isNaN(n) ? n : s.toLowerCase();
}
function compare(x, y) {
  if (typeof x !== typeof y) return typeof x === 'number' ? -1 : 1;
  return x > y ? 1 : x < y ? -1 : 0;
}
function sortTable(table, i, th) {
  const body = table.tBodies[0], asc = th.dataset.asc !== '1';
  table.querySelectorAll('th').forEach(h => { delete h.dataset.asc; h.className = ''; });
  th.dataset.asc = asc ? '1' : '0';
  th.className = asc ? 'asc' : 'desc';
  [...body.rows].sort((a, b) => compare(cellValue(a, i), cellValue(b, i)) * (asc ? 1 : -1))
    .forEach(r => body.appendChild(r));
}
document.querySelectorAll('table.sortable').forEach(t =>
  t.querySelectorAll('th').forEach((th, i) => th.onclick = () => sortTable(t, i, th)));
if (location.search.includes('selftest')) {
  let tables = 0, columns = 0; const bad = [];
  document.querySelectorAll('table.sortable').forEach(t => {
    tables++;
    t.querySelectorAll('th').forEach((th, i) => {
      columns++;
      for (const dir of [1, -1]) {
        th.click();
        const v = [...t.tBodies[0].rows].map(r => cellValue(r, i));
        for (let k = 1; k < v.length; k++) {
          if (compare(v[k - 1], v[k]) * dir > 0) { bad.push(t.id + ' / ' + th.textContent); break; }
        }
      }
    });
  });
  const out = document.getElementById('selftest');
  out.hidden = false;
  out.textContent = (bad.length ? 'SORT SELFTEST FAIL: ' + bad.join(', ') : 'SORT SELFTEST PASS')
    + ': ' + tables + ' tables, ' + columns + ' columns sorted both ways';
}
