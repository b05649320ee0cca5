"""The lexicon layer: every file of ``resources/`` is read here, once, through one table reader.

Components never open a resource themselves: they call the loader of the lexicon they need
(one module per lexicon), each cached with :func:`functools.cache`. The reader in
:mod:`kalbar_nlp.lexicons.table` checks the shape of every table when it is loaded, so a
malformed row fails with the file and line named, not later inside a rule.
"""
