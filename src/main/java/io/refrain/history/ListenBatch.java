package io.refrain.history;

import java.util.List;

/**
 * A {@code POST /api/v1/me/listens} body read and checked by {@link ListenRequestReader}: every
 * listen in it may be stored. It remembers whether the body was a batch, so that a problem found
 * later (a catalog id that does not exist) is named by the same JSON path the client sent.
 *
 * @param listens the listens, in the order sent
 * @param batch   whether they came as {@code {"listens": [...]}} rather than as one listen object
 */
record ListenBatch(List<ListenInput> listens, boolean batch) {

    ListenBatch {
        listens = List.copyOf(listens);
    }

    /** The JSON path of a field of listen {@code index}: {@code listens[3].track.id}, or {@code track.id} for one listen. */
    String path(int index, String field) {
        return batch ? "listens[" + index + "]." + field : field;
    }
}
