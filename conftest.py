"""Applies to every pytest run here, including nbval over notebooks/ and solutions/."""

import pprint

import nbval.kernel


class _FormattedWhenLogged:
    """pprint.pformat, delayed until a log record is actually written."""

    def __init__(self, obj):
        self.obj = obj

    def __str__(self):
        return pprint.pformat(self.obj)


# nbval 0.11 pretty-prints every kernel message for a debug log, even when that log is off: with
# plotly figures and widget messages (plotly's widget sends 5 MB of JavaScript) that cost ~0.7 s per
# lesson. The log reads the same when it is on.
nbval.kernel.pformat = _FormattedWhenLogged
