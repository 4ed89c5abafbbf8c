"""Reminders and notices by e-mail (issue 16): what is due, the messages, the sent-log,
sending through SMTP; ``roster notify`` and the web app's schedule call
:func:`roster.app.notify.run.notify`.

- :mod:`~roster.app.notify.run`: :func:`~roster.app.notify.run.notify` and its
  :class:`~roster.app.notify.run.NotifyReport`; the sending lock.
- :mod:`~roster.app.notify.kinds`: one producer per kind; :mod:`~roster.app.notify.model`:
  :class:`~roster.app.notify.model.Notice` and the context the producers read.
- :mod:`~roster.app.notify.words`: the helpers every producer shares (words, dates, the
  plain and HTML body, keys).
- :mod:`~roster.app.notify.due_reminders`: the duty reminders.
- :mod:`~roster.app.notify.mail`: a notice as an e-mail (standard library ``email``).
- :mod:`~roster.app.notify.smtp`: the connection to the mail server, the password,
  failures as reason codes.
- :mod:`~roster.app.notify.sent_log`: ``notices/sent.json``, what was sent or tried.
- :mod:`~roster.app.notify.preferences`: each volunteer's own switches.
"""
