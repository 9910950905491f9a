"""The question bank: model, loader, generator (pure Python: no Flask, no SQLAlchemy)."""
