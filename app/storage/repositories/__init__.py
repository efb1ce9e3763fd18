"""The register's concerns beside the assessments themselves, each a small object the
:class:`~app.storage.store.Store` holds: ``store.audit``, ``store.register``,
``store.products``, ``store.attachments``. Each works inside the store's transactions."""
