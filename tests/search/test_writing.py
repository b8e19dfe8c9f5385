"""The merge policy of every index commit, on a real Whoosh index."""

from whoosh import fields
from whoosh.filedb.filestore import FileStorage

from archive.search.writing import MERGE_FACTOR, tiered


def commit(index, docs):
    writer = index.writer()
    for n in docs:
        writer.add_document(id=str(n))
    writer.commit(mergetype=tiered)


def sizes(index):
    return sorted(segment.doc_count_all() for segment in index._segments())


def test_commits_merge_segments_of_one_size_and_leave_a_larger_one_alone(tmp_path):
    index = FileStorage(str(tmp_path)).create_index(fields.Schema(id=fields.ID(stored=True)))
    commit(index, range(20))
    large = index._segments()[0].segment_id()
    for n in range(MERGE_FACTOR - 1):
        commit(index, [100 + n])
    # Whoosh's default policy (MERGE_SMALL) rewrote the 20 documents with the
    # 4 single ones by now; here the nine small segments wait for a tenth.
    assert sizes(index) == [1] * (MERGE_FACTOR - 1) + [20]
    commit(index, [200])
    assert sizes(index) == [1] * MERGE_FACTOR + [20]
    commit(index, [300])  # ten of a size: merged with the new document
    assert sizes(index) == [MERGE_FACTOR + 1, 20]
    assert large in {segment.segment_id() for segment in index._segments()}
    assert index.searcher().doc_count() == 20 + MERGE_FACTOR + 1
