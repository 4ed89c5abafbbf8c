"""Jinja2 templates of the printouts (rota, agenda, ...), shipped as package data."""
