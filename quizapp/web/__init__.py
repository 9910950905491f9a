"""The web layer: one blueprint a concern."""
