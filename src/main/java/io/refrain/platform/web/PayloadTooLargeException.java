package io.refrain.platform.web;

import java.io.IOException;

/** The request body went past the configured maximum while it was being read. */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes");
    }
}
