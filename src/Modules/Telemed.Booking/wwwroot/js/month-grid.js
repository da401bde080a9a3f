// The month grid of the slot picker (Pick.cshtml, _MonthGrid.cshtml): draws a month the way the server does, and moves
// focus between days as the WAI-ARIA date picker grid does (one day in the tab order, arrow keys move it).
window.TelemedMonthGrid = (() => {
  const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

  // Days are 'yyyy-MM-dd' strings; Date is used at UTC noon only for arithmetic, never for a zone.
  const toDate = day => new Date(day + 'T12:00:00Z');
  const key = date => date.toISOString().slice(0, 10);
  const addDays = (day, n) => { const d = toDate(day); d.setUTCDate(d.getUTCDate() + n); return key(d); };
  const monthOf = day => day.slice(0, 7);
  const addMonths = (month, n) => { const d = new Date(month + '-01T12:00:00Z'); d.setUTCMonth(d.getUTCMonth() + n); return key(d).slice(0, 7); };
  const daysIn = month => { const d = new Date(month + '-01T12:00:00Z'); d.setUTCMonth(d.getUTCMonth() + 1, 0); return d.getUTCDate(); };
  const monthTitle = month => months[Number(month.slice(5, 7)) - 1] + ' ' + month.slice(0, 4);
  const dayTitle = day => { const d = toDate(day); return weekdays[d.getUTCDay()] + ' ' + d.getUTCDate() + ' ' + months[d.getUTCMonth()]; };
  const dayLabel = (day, count) => dayTitle(day) + ' ' + day.slice(0, 4) + ', '
    + (count === 0 ? 'no times available' : count === 1 ? '1 time available' : count + ' times available');

  /** Today's date in an IANA zone, at the instant given in milliseconds. */
  const dayIn = (zone, millis) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(millis));

  const cells = table => [...table.querySelectorAll('.calendar-day')];
  const cellFor = (table, day) => table.querySelector('.calendar-day[data-day="' + day + '"]');

  function dayElement(day, count, selected, today, hrefFor) {
    const element = document.createElement(count > 0 ? 'a' : 'span');
    element.className = 'calendar-day' + (day === selected ? ' selected' : '');
    element.dataset.day = day;
    element.dataset.count = String(count);
    element.textContent = String(Number(day.slice(8, 10)));
    element.setAttribute('aria-label', dayLabel(day, count));
    if (count > 0) element.href = hrefFor(day); else element.setAttribute('aria-disabled', 'true');
    if (day === today) element.setAttribute('aria-current', 'date');
    return element;
  }

  /** Draws <paramref name="month"/>'s weeks (from Monday) into the table's body; counts maps a day to its number of times. */
  function render(table, month, counts, selected, today, hrefFor) {
    const body = document.createElement('tbody');
    let row = document.createElement('tr');
    const first = month + '-01';
    const lead = (toDate(first).getUTCDay() + 6) % 7;
    for (let i = 0; i < lead; i++) row.append(document.createElement('td'));
    for (let n = 0; n < daysIn(month); n++) {
      const day = addDays(first, n);
      if (row.children.length === 7) { body.append(row); row = document.createElement('tr'); }
      const cell = document.createElement('td');
      cell.setAttribute('role', 'gridcell');
      cell.setAttribute('aria-selected', day === selected ? 'true' : 'false');
      cell.append(dayElement(day, counts.get(day) || 0, selected, today, hrefFor));
      row.append(cell);
    }
    while (row.children.length < 7) row.append(document.createElement('td'));
    body.append(row);
    table.tBodies[0].replaceWith(body);
    rove(table, selected);
  }

  /** Puts one day in the tab order: the given one, else the selected, else the first with times, else the first. */
  function rove(table, day) {
    const all = cells(table);
    const target = (day && cellFor(table, day)) || table.querySelector('.calendar-day.selected')
      || table.querySelector('a.calendar-day') || all[0];
    for (const cell of all) cell.tabIndex = cell === target ? 0 : -1;
    return target;
  }

  function select(table, day) {
    for (const cell of cells(table)) {
      const chosen = cell.dataset.day === day;
      cell.classList.toggle('selected', chosen);
      cell.parentElement.setAttribute('aria-selected', chosen ? 'true' : 'false');
    }
    rove(table, day);
  }

  function focus(table, day) {
    const target = rove(table, day);
    if (target) target.focus();
  }

  /** The day a key moves to from <paramref name="day"/>, or null when the key is not a grid key. */
  function target(keyName, day) {
    const column = (toDate(day).getUTCDay() + 6) % 7;
    switch (keyName) {
      case 'ArrowLeft': return addDays(day, -1);
      case 'ArrowRight': return addDays(day, 1);
      case 'ArrowUp': return addDays(day, -7);
      case 'ArrowDown': return addDays(day, 7);
      case 'Home': return addDays(day, -column);
      case 'End': return addDays(day, 6 - column);
      case 'PageUp': case 'PageDown': {
        const month = addMonths(monthOf(day), keyName === 'PageUp' ? -1 : 1);
        return month + '-' + String(Math.min(Number(day.slice(8, 10)), daysIn(month))).padStart(2, '0');
      }
      default: return null;
    }
  }

  return { render, select, focus, target, monthOf, addMonths, monthTitle, dayTitle, dayIn, cellFor };
})();
