package io.refrain.accounts;

/**
 * The answer to sign-up and code requests. Deliberately the same whether or not the address
 * has an account, so the API cannot be used to find out who is registered.
 */
record AcceptedResponse(String status, String detail) {

    static AcceptedResponse codeSent() {
        return new AcceptedResponse(
                "code_sent",
                "If this address can receive mail from us, a 6-digit code is on its way. It is valid for 10 minutes.");
    }
}
