"""news-eda: tidy DataFrames for exploring news articles.

Start with :func:`analysis.corpus.load_articles`, then the segment, frequency,
sentiment, quotes and stance modules. See the README for the map.
"""

__version__ = "0.1.0"
