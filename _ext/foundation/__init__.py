"""What the `agreement` and `briefing` extensions share: one copy each of
the pieces both need. Not an extension itself; each extension imports it
and still loads alone.

- ``urls``  -- which URLs an author may give for a link
"""
