from haystack import indexes

from archive.models import Article


class ArticleIndex(indexes.SearchIndex, indexes.Indexable):
    text = indexes.CharField(document=True, use_template=True)
    headline = indexes.CharField(model_attr="headline")
    published = indexes.DateField(model_attr="published")

    def get_model(self):
        return Article

    def index_queryset(self, using=None):
        return self.get_model().objects.published()
