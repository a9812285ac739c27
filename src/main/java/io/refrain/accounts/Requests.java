package io.refrain.accounts;

/** Limits shared by the request records of this module (documented in the API). */
final class Requests {

    static final int EMAIL_MAX = 254;
    static final int PASSWORD_MIN = 8;
    static final int PASSWORD_MAX = 64;
    static final int DISPLAY_NAME_MAX = 100;
    static final int BIO_MAX = 1000;
    static final int URL_MAX = 2048;
    static final String CODE_PATTERN = "[0-9]{6}";

    private Requests() {}
}
