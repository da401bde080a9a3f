// The staff calendar: FullCalendar over /admin/calendar/events. The server sends each time as the wall clock of the
// viewer's zone (no offset) and the calendar runs in UTC, so it shows those times unchanged whatever the browser's zone.
// Without JavaScript (or FullCalendar) the page keeps its plain week list.
(() => {
  const element = document.getElementById('staff-calendar');
  if (!element || !window.FullCalendar) {
    return;
  }
  const data = element.dataset;
  const message = document.getElementById('calendar-message');
  const token = document.querySelector('#calendar-antiforgery input[name="__RequestVerificationToken"]')?.value ?? '';
  const narrow = window.matchMedia('(max-width: 575.98px)').matches;
  const showHost = data.showHost === 'true';

  // A UTC-mode date's fields are the viewer's wall clock.
  const wallClock = date => date.toISOString().slice(0, 16);
  const day = date => date.toISOString().slice(0, 10);

  // "Now" for the today highlight and the now line: the current wall clock in the viewer's zone.
  const zoneClock = new Intl.DateTimeFormat('en-CA', {
    timeZone: data.zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  });
  const zoneNow = () => {
    const parts = Object.fromEntries(zoneClock.formatToParts(new Date()).map(p => [p.type, p.value]));
    return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}Z`;
  };

  const say = (text, success) => {
    message.textContent = text;
    message.className = `alert ${success ? 'alert-success' : 'alert-danger'}`;
  };

  const problemText = problem => {
    const details = problem && problem.errors ? Object.values(problem.errors).flat().join(' ') : '';
    return details || (problem && (problem.detail || problem.title)) || 'The calendar could not load its appointments.';
  };

  const loadEvents = async (info, success, failure) => {
    const query = new URLSearchParams({ start: day(info.start), end: day(info.end) });
    if (data.host) {
      query.set('host', data.host);
    }
    try {
      const response = await fetch(`${data.eventsUrl}?${query}`, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      const answer = await response.json().catch(() => null);
      if (!response.ok || !answer) {
        throw new Error(problemText(answer));
      }
      document.getElementById('calendar-zone-abbreviation').textContent = answer.zoneAbbreviation;
      success(answer.events);
    } catch (error) {
      say(error.message, false);
      failure(error);
    }
  };

  const badge = (text, className) => {
    const span = document.createElement('span');
    span.className = `appt-badge ${className}`;
    span.textContent = text;
    return span;
  };

  // Patient, service, status and video state in words, so colour is never the only sign.
  const eventContent = arg => {
    const props = arg.event.extendedProps;
    const body = document.createElement('div');
    body.className = 'appt-body';
    const title = document.createElement('div');
    title.className = 'appt-title';
    title.textContent = `${arg.timeText} ${props.patient}`;
    const service = document.createElement('div');
    service.className = 'appt-service';
    service.textContent = showHost ? `${props.service} · ${props.host}` : props.service;
    const badges = document.createElement('div');
    badges.className = 'appt-badges';
    badges.append(badge(props.statusText, 'appt-badge-status'), badge(props.meetingText, 'appt-badge-meeting'));
    body.append(title, service, badges);
    return { domNodes: [body] };
  };

  const eventDidMount = arg => {
    const props = arg.event.extendedProps;
    const label = `${props.when}: ${props.patient}, ${props.service} with ${props.host}. ${props.statusText}. ${props.meetingText}.`;
    arg.el.setAttribute('aria-label', label);
    arg.el.title = label;
    arg.el.dataset.appointmentId = arg.event.id;
  };

  const calendar = new FullCalendar.Calendar(element, {
    timeZone: 'UTC',
    now: zoneNow,
    initialDate: data.date || undefined,
    initialView: data.view || (narrow ? 'timeGridDay' : 'timeGridWeek'),
    headerToolbar: narrow
      ? { left: 'prev,next today', center: '', right: 'timeGridDay,timeGridWeek,dayGridMonth' }
      : { left: 'prev,next today', center: 'title', right: 'timeGridDay,timeGridWeek,dayGridMonth' },
    footerToolbar: narrow ? { center: 'title' } : false,
    buttonText: { today: 'Today', day: 'Day', week: 'Week', month: 'Month' },
    firstDay: 1,
    eventTimeFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
    slotLabelFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
    dayHeaderFormat: narrow ? { weekday: 'short', day: 'numeric' } : { weekday: 'short', day: 'numeric', month: 'short' },
    nowIndicator: true,
    scrollTime: '07:00:00',
    contentHeight: narrow ? 560 : 680,
    allDaySlot: false,
    eventDisplay: 'block',
    // Every appointment stays visible in the month view: the days grow instead of hiding some behind "+ more".
    dayMaxEvents: false,
    editable: true,
    eventDurationEditable: false,
    events: loadEvents,
    eventContent,
    eventDidMount,
    // A free area of the day or week view opens the booking form at that time, for the host shown.
    dateClick: info => {
      if (!info.view.type.startsWith('timeGrid')) {
        return;
      }
      const query = new URLSearchParams({ at: wallClock(info.date) });
      if (data.host) {
        query.set('host', data.host);
      }
      window.location.assign(`${data.newUrl}?${query}`);
    },
    // A dropped appointment goes through the server's checks; a refusal puts it back and says why.
    eventDrop: async info => {
      const body = new URLSearchParams({ id: info.event.id, start: wallClock(info.event.start), __RequestVerificationToken: token });
      try {
        const response = await fetch(data.moveUrl, { method: 'POST', body, headers: { Accept: 'application/json' }, credentials: 'same-origin' });
        const answer = await response.json().catch(() => null);
        if (!response.ok) {
          info.revert();
          say(answer?.message || 'The appointment could not be moved. Reload the page and try again.', false);
          return;
        }
        say(answer.message, true);
        calendar.refetchEvents();
      } catch {
        info.revert();
        say('The appointment could not be moved: the server did not answer.', false);
      }
    },
    // Keep the address and the host filter on the day and view shown, so a reload or a new filter stays there.
    datesSet: info => {
      const url = new URL(window.location.href);
      url.searchParams.set('date', day(info.view.currentStart));
      url.searchParams.set('view', info.view.type);
      window.history.replaceState(null, '', url);
      const filter = document.getElementById('calendar-filter');
      if (filter) {
        filter.elements.date.value = day(info.view.currentStart);
        let view = filter.elements.view;
        if (!view) {
          view = Object.assign(document.createElement('input'), { type: 'hidden', name: 'view' });
          filter.append(view);
        }
        view.value = info.view.type;
      }
    },
  });

  element.hidden = false;
  document.getElementById('calendar-week').hidden = true;
  calendar.render();

  document.getElementById('host')?.addEventListener('change', event => event.target.form.requestSubmit());
})();
