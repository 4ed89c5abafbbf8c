"""Reminders and notices by e-mail (issue 16): what is due, the messages, the sent-log,
sending through SMTP; ``roster notify`` and the web app's schedule call
:func:`roster.app.notify.run.notify`."""
