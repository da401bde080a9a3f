// The slot picker of Pick.cshtml. The server draws a month with its days' links and the chosen day's times; this script
// keeps that markup and makes it live: days are chosen in place, other months and zones are read from the slots
// endpoint (a month per request), and the address keeps the choices so a reload or a shared link shows the same.
(() => {
  const root = document.getElementById('slot-picker');
  if (!root) return;
  const grid = window.TelemedMonthGrid;
  const form = document.getElementById('picker-form');
  const table = document.getElementById('month-grid');
  const list = document.getElementById('slots');
  const dayLabel = document.getElementById('day-label');
  const monthLabel = document.getElementById('month-label');
  const previous = document.getElementById('previous-month');
  const next = document.getElementById('next-month');
  const zoneLabel = root.querySelector('[data-testid=zone-label]');
  const field = name => form.elements[name];
  const tz = field('tz');
  const host = () => field('host') ? field('host').value : 'any';
  const duration = () => field('duration') ? field('duration').value : '';
  const horizonDays = Number(root.dataset.horizonDays);
  const serverNow = Date.parse(root.dataset.now);

  const state = { month: root.dataset.month, day: root.dataset.day || null, zone: root.dataset.zone };
  const months = new Map();
  let generation = 0;

  const el = (tag, props, text) => { const e = Object.assign(document.createElement(tag), props || {}); if (text) e.textContent = text; return e; };
  const today = () => grid.dayIn(tz.value, serverNow);
  const lastDay = () => grid.dayIn(tz.value, serverNow + horizonDays * 86400000);

  function linkFor(slot) {
    if (root.dataset.change) {
      return root.dataset.base + '/book/manage/' + encodeURIComponent(root.dataset.change) + '/reschedule?' + new URLSearchParams({ start: slot.start, tz: tz.value });
    }
    return root.dataset.base + '/book/' + root.dataset.service + '/details?' + new URLSearchParams({
      host: host() === 'any' ? 'any' : slot.hostId, start: slot.start, duration: duration(), tz: tz.value });
  }

  function pageQuery(extra) {
    const query = root.dataset.change ? { change: root.dataset.change } : { host: host(), duration: duration() };
    return '?' + new URLSearchParams(Object.assign(query, { tz: tz.value }, extra));
  }

  /** A month's free times by day, read once per zone, host and length; "any host" lists each start once. */
  function loadMonth(month) {
    const cacheKey = [tz.value, host(), duration(), month].join('|');
    if (!months.has(cacheKey)) {
      const query = new URLSearchParams({ service: root.dataset.service, host: host(), tz: tz.value, month });
      if (duration()) query.set('duration', duration());
      const request = fetch(root.dataset.slotsUrl + '?' + query, { headers: { Accept: 'application/json' } })
        .then(response => { if (!response.ok) throw new Error('HTTP ' + response.status); return response.json(); })
        .then(data => {
          const days = new Map();
          const seen = new Set();
          for (const slot of data.slots) {
            if (host() === 'any' && seen.has(slot.start)) continue;
            seen.add(slot.start);
            const day = slot.start.slice(0, 10);
            if (!days.has(day)) days.set(day, []);
            days.get(day).push(slot);
          }
          return days;
        });
      request.catch(() => months.delete(cacheKey));
      months.set(cacheKey, request);
    }
    return months.get(cacheKey);
  }

  function renderTimes(day, slots) {
    list.removeAttribute('aria-busy');
    dayLabel.textContent = day ? grid.dayTitle(day) : 'No day chosen';
    if (!day) {
      list.replaceChildren(el('p', { className: 'text-body-secondary' }, 'No free times in ' + grid.monthTitle(state.month) + '.'
        + (state.month < grid.monthOf(lastDay()) ? ' Try the next month.' : ' Please contact the clinic.')));
      return;
    }
    if (slots.length === 0) {
      list.replaceChildren(el('p', { className: 'text-body-secondary' }, 'No free times on this day. Choose another day.'));
      return;
    }
    const group = root.dataset.group === 'true';
    const ul = el('ul', { className: 'slot-list list-unstyled mb-0' });
    for (const slot of slots) {
      const text = slot.start.slice(11, 16) + (group ? ' · ' + slot.seatsLeft + ' left' : '');
      const who = host() === 'any' ? '' : ' with ' + slot.hostName;
      const a = el('a', { className: 'btn btn-outline-primary slot', href: linkFor(slot) }, text);
      a.dataset.start = slot.start;
      a.setAttribute('aria-label', text + who + ', ' + grid.dayTitle(day));
      const item = el('li');
      item.append(a);
      ul.append(item);
    }
    list.replaceChildren(ul);
  }

  function showError(retry) {
    list.removeAttribute('aria-busy');
    table.removeAttribute('aria-busy');
    const button = el('button', { type: 'button', className: 'btn btn-sm btn-outline-secondary ms-2' }, 'Try again');
    button.addEventListener('click', retry);
    const alert = el('div', { className: 'alert alert-warning d-flex flex-wrap align-items-center', role: 'alert' },
      'Times could not be loaded just now. Please try again.');
    alert.append(button);
    list.replaceChildren(alert);
  }

  function remember() {
    root.dataset.month = state.month;
    root.dataset.day = state.day || '';
    history.replaceState(history.state, '', pageQuery(state.day ? { month: state.month, day: state.day } : { month: state.month }));
  }

  function setNav(link, month) {
    const allowed = month >= grid.monthOf(today()) && month <= grid.monthOf(lastDay());
    link.classList.toggle('disabled', !allowed);
    if (allowed) { link.href = pageQuery({ month }); link.removeAttribute('aria-disabled'); }
    else { link.removeAttribute('href'); link.setAttribute('aria-disabled', 'true'); }
  }

  /** Shows a month: the grid from its free days, then the kept day (if it has times there) or the first free one. */
  async function showMonth(month, options = {}) {
    const mine = ++generation;
    state.month = month;
    monthLabel.textContent = grid.monthTitle(month);
    setNav(previous, grid.addMonths(month, -1));
    setNav(next, grid.addMonths(month, 1));
    table.setAttribute('aria-busy', 'true');
    list.setAttribute('aria-busy', 'true');
    list.replaceChildren(el('p', { className: 'text-body-secondary' }, 'Loading times…'));
    let days;
    try {
      days = await loadMonth(month);
    } catch {
      if (mine === generation) showError(() => showMonth(month, options));
      return;
    }
    if (mine !== generation) return;
    table.removeAttribute('aria-busy');
    const counts = new Map([...days].map(([day, slots]) => [day, slots.length]));
    const free = [...days.keys()].sort();
    const day = options.keep && days.has(options.keep) ? options.keep : free[0] || null;
    grid.render(table, month, counts, day, today(), d => pageQuery({ day: d }));
    state.day = day;
    renderTimes(day, day ? days.get(day) : []);
    remember();
    if (options.focus) grid.focus(table, options.focus.slice(0, 7) === month ? options.focus : day || month + '-01');
  }

  async function selectDay(day) {
    const mine = ++generation;
    state.day = day;
    grid.select(table, day);
    dayLabel.textContent = grid.dayTitle(day);
    list.setAttribute('aria-busy', 'true');
    let days;
    try {
      days = await loadMonth(state.month);
    } catch {
      if (mine === generation) showError(() => selectDay(day));
      return;
    }
    if (mine !== generation) return;
    renderTimes(day, days.get(day) || []);
    remember();
  }

  // Days: click or Enter/Space chooses one with times; arrows, Home/End and PageUp/PageDown move between days and months.
  table.addEventListener('click', e => {
    const day = e.target.closest('a.calendar-day');
    if (!day) return;
    e.preventDefault();
    // While another month loads, the days shown are about to go.
    if (table.getAttribute('aria-busy') !== 'true') selectDay(day.dataset.day);
  });
  table.addEventListener('keydown', e => {
    const current = e.target.closest('.calendar-day');
    if (!current) return;
    if ((e.key === ' ' || e.key === 'Enter') && current.tagName === 'A') {
      e.preventDefault();
      if (table.getAttribute('aria-busy') !== 'true') selectDay(current.dataset.day);
      return;
    }
    const to = grid.target(e.key, current.dataset.day);
    if (!to) return;
    e.preventDefault();
    if (to < today() || to > lastDay()) return;
    if (grid.monthOf(to) === state.month) grid.focus(table, to);
    else showMonth(grid.monthOf(to), { keep: state.day, focus: to });
  });
  for (const [link, step] of [[previous, -1], [next, 1]]) {
    link.addEventListener('click', e => {
      e.preventDefault();
      if (!link.classList.contains('disabled')) showMonth(grid.addMonths(state.month, step));
    });
  }

  // Host, length and zone: read the month again (the kept day stays chosen when it still has times).
  function refresh() {
    zoneLabel.textContent = tz.options[tz.selectedIndex] ? tz.options[tz.selectedIndex].text : tz.value;
    const month = grid.monthOf(today()) > state.month ? grid.monthOf(today()) : state.month;
    showMonth(month, { keep: state.day });
  }
  form.addEventListener('change', e => { if (['host', 'duration', 'tz'].includes(e.target.name)) refresh(); });
  form.addEventListener('submit', e => { e.preventDefault(); refresh(); });

  grid.select(table, state.day);
  if (tz.value !== state.zone) refresh();
  else loadMonth(state.month).catch(() => {});
})();
