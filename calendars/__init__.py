"""iCalendar feeds from plan files: publication state, secret tokens, serving, CalDAV."""
