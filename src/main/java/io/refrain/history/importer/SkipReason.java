package io.refrain.history.importer;

/** Why a record of an export did not become a listen. */
public enum SkipReason {
    /** Broken record: missing artist/title/time, unreadable value, wrong type, NUL or over-long text, broken file. */
    UNPARSEABLE,
    /** Played for less than the reader's minimum play time. */
    TOO_SHORT,
    /** A podcast episode, audiobook chapter or other non-music stream. */
    NOT_MUSIC,
    /** Time before Last.fm existed (2002-10-01) or in the future. */
    OUT_OF_RANGE,
    /** Already imported; set by the storage side, never by the parsers. */
    DUPLICATE
}
