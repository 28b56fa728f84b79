"""The error messages of the catalogue (checker/i18n.py) in Chinese and English, one module per
area, as web/strings/ holds the web app's.

Each is made into an error with `SomeError.of(key, **values)` (checker/errors.py). Values are
shown as given: clause ids, IRIs, file names, parameter names and a library's own words stay as
they are, inside a frame said in the asked language.
"""

from . import commands, processes, remote, rulebook, settings, sparql, store, submission, system

AREAS = (submission.MESSAGES, commands.MESSAGES, rulebook.MESSAGES, store.MESSAGES,
         remote.MESSAGES, sparql.MESSAGES, processes.MESSAGES, settings.MESSAGES,
         system.MESSAGES)
