package io.refrain.notifications;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where a webhook may point. A user-given URL makes the server send requests, so by default it
 * must not reach the server's own machine or network: loopback, private (RFC 1918, unique local),
 * link-local (cloud metadata services live there) and unspecified addresses are refused, checked
 * when the webhook is set and again before every delivery (a name may resolve elsewhere later).
 */
final class WebhookAddresses {

    private final boolean allowPrivate;

    WebhookAddresses(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Why this URL may not be called now, or empty when it may. */
    Optional<String> refusal(URI url) {
        String host = url.getHost();
        if (host == null) {
            return Optional.of("has no host");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve: " + host);
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress()
                    || address.isSiteLocalAddress()
                    || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress()
                    || address.isMulticastAddress()
                    || isUniqueLocal(address)) {
                return Optional.of("points at a private or local address (" + address.getHostAddress() + ")");
            }
        }
        return Optional.empty();
    }

    private static boolean isUniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc; // fc00::/7
    }
}
