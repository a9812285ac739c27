package io.refrain.assistant;

import io.refrain.accounts.AccountDeleted;
import io.refrain.platform.errors.ApiException;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/** The OAuth clients a user authorized: listed, taken back, and forgotten with the account. */
@Service
class OAuthGrants {

    private final OAuthGrantsRepository grants;

    OAuthGrants(OAuthGrantsRepository grants) {
        this.grants = grants;
    }

    List<OAuthGrantsRepository.Grant> list(UUID user) {
        return grants.grants(user);
    }

    /** Every token of the client for this user stops working at once; the client must ask again. */
    void revoke(UUID user, String clientId) {
        if (!grants.revoke(user, clientId)) {
            throw ApiException.notFound("You have not authorized a client " + clientId + ".");
        }
    }

    /** In the deleting transaction: the authorizations name the user only by id, out of a foreign key's reach. */
    @EventListener
    void onAccountDeleted(AccountDeleted deleted) {
        grants.forget(deleted.userId());
    }
}
