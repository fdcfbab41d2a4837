"""Drawing functions, one module per concern: ``plot_*(data, *, ax=None) -> Axes``.

They only draw; :func:`analysis.figures.save_figure` saves.
"""
