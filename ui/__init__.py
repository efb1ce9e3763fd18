"""The Qt front end: a thin skin over app/ (which never imports this package)."""
