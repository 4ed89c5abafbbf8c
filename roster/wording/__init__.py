"""The wording catalogue: every text a person reads, in German and English.

- :mod:`~roster.wording.catalogue`: the lookup, ``text(locale, key, **params)``, over one
  table per locale keyed by message id (``feed.*``, ``print.*``, ``reason.*``,
  ``summary.*``), gathered from the area tables :mod:`~roster.wording.feeds`,
  :mod:`~roster.wording.printouts`, :mod:`~roster.wording.reasons` and
  :mod:`~roster.wording.summaries`;
- :mod:`~roster.wording.dates`: dates, times and numbers through Babel, each locale
  parsed once; :mod:`~roster.wording.formats`: the printouts' formats;
- :mod:`~roster.wording.explanations`: the solver's reason codes in words.

The package imports only :mod:`roster.domain` (and Babel): the solver, the checker, the
feeds, the printouts and the application all word their texts through it.
"""
