"""The peers a planner of this problem would try, side by side with roster (issue 13, §5):
a MIP of the same objective solved by HiGHS (:mod:`peers.mip`), the greedy baseline
(``solver/baseline.py``), and roster itself at the same wall-clock budgets. Every plan is
verified and scored by the independent checker (``roster.checking``).

A package inside the ``benchmarks/`` folder of scripts: ``python benchmarks/run.py`` puts
that folder on ``sys.path``, so the runner imports it as ``peers``.
"""
