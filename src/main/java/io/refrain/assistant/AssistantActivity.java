package io.refrain.assistant;

import io.refrain.platform.web.CursorCodec;
import io.refrain.platform.web.Page;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** A user's audit trail of tool calls, a page at a time. */
@Service
class AssistantActivity {

    private static final CursorCodec<AuditRepository.After> CURSOR = CursorCodec.of(AuditRepository.After.class);

    private final AuditRepository audit;

    AssistantActivity(AuditRepository audit) {
        this.audit = audit;
    }

    Page<AuditRepository.Call> page(UUID user, int limit, String cursor) {
        List<AuditRepository.Call> calls = audit.page(user, CURSOR.decode(cursor), limit + 1);
        if (calls.size() <= limit) {
            return new Page<>(calls, null);
        }
        AuditRepository.Call last = calls.get(limit - 1);
        return new Page<>(
                calls.subList(0, limit), CURSOR.encode(new AuditRepository.After(last.calledAt(), last.id())));
    }
}
