package io.erpcore.security.audit;

import static io.erpcore.security.audit.AuditChains.chain;
import static io.erpcore.security.audit.AuditChains.edited;
import static io.erpcore.security.audit.AuditChains.seal;
import static io.erpcore.security.audit.AuditChains.verify;
import static org.assertj.core.api.Assertions.assertThat;

import io.erpcore.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the chain check catches, and what it cannot: every way of tampering with stored events
 * that a hash chain can reveal, alone or against a head published elsewhere.
 */
class AuditChainCheckTest {

    private static final TenantId TENANT = TenantId.parse("8d0f3c2a-5b1e-4f6d-9a8c-7e2b1d0c3f4a");

    @Test
    void an_untouched_chain_is_valid_and_its_head_is_the_newest_event() {
        List<AuditRecord> events = chain(TENANT, 5);

        AuditVerification result = verify(events, Optional.empty());

        assertThat(result.valid()).isTrue();
        assertThat(result.checked()).isEqualTo(5);
        assertThat(result.head()).isEqualTo(events.get(4).asHead());
        assertThat(result.firstBrokenSeq()).isEmpty();
    }

    @Test
    void an_empty_chain_is_valid_with_the_genesis_head() {
        AuditVerification result = verify(List.of(), Optional.empty());

        assertThat(result.valid()).isTrue();
        assertThat(result.checked()).isZero();
        assertThat(result.head()).isEqualTo(AuditHead.GENESIS);
    }

    @Test
    void an_event_edited_in_place_is_named() {
        List<AuditRecord> events = new ArrayList<>(chain(TENANT, 5));
        events.set(2, edited(events.get(2), "{\"n\": 999}"));

        AuditVerification result = verify(events, Optional.empty());

        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSeq()).contains(3L);
        assertThat(result.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("event 3", "changed"));
    }

    @Test
    void an_edited_event_whose_hash_was_recomputed_breaks_the_link_to_the_next() {
        List<AuditRecord> events = new ArrayList<>(chain(TENANT, 5));
        AuditRecord original = events.get(2);
        events.set(2, seal(AuditChains.draft(TENANT, 3, original.prevHash(), "{\"n\": 999}")));

        AuditVerification result = verify(events, Optional.empty());

        assertThat(result.firstBrokenSeq()).contains(4L);
        assertThat(result.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("does not follow"));
    }

    @Test
    void an_event_deleted_from_the_middle_is_named_as_missing() {
        List<AuditRecord> events = new ArrayList<>(chain(TENANT, 5));
        events.remove(1);

        AuditVerification result = verify(events, Optional.empty());

        assertThat(result.firstBrokenSeq()).contains(2L);
        assertThat(result.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("event 2 is missing"));
    }

    @Test
    void events_out_of_order_are_named() {
        List<AuditRecord> events = new ArrayList<>(chain(TENANT, 5));
        events.add(1, events.get(0));

        AuditVerification result = verify(events, Optional.empty());

        assertThat(result.firstBrokenSeq()).contains(2L);
    }

    @Test
    void the_first_break_is_named_when_there_are_several() {
        List<AuditRecord> events = new ArrayList<>(chain(TENANT, 6));
        events.set(4, edited(events.get(4), "{}"));
        events.set(1, edited(events.get(1), "{}"));

        assertThat(verify(events, Optional.empty()).firstBrokenSeq()).contains(2L);
    }

    @Test
    void deleting_the_newest_events_leaves_a_chain_that_is_valid_in_itself() {
        List<AuditRecord> events = chain(TENANT, 5);

        assertThat(verify(events.subList(0, 3), Optional.empty()).valid()).isTrue();
    }

    @Test
    void deleting_the_newest_events_is_caught_against_the_published_head() {
        List<AuditRecord> events = chain(TENANT, 5);
        AuditHead published = events.get(4).asHead();

        AuditVerification result = verify(events.subList(0, 3), Optional.of(published));

        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSeq()).contains(4L);
        assertThat(result.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("newer events were deleted"));
    }

    @Test
    void a_chain_recomputed_from_an_edited_event_on_is_caught_against_the_published_head() {
        List<AuditRecord> events = chain(TENANT, 5);
        AuditHead published = events.get(4).asHead();
        List<AuditRecord> rewritten = new ArrayList<>(events.subList(0, 2));
        AuditHead head = rewritten.get(1).asHead();
        for (int seq = 3; seq <= 5; seq++) {
            AuditRecord next = seal(AuditChains.draft(TENANT, seq, head.hash(), "{\"rewritten\": " + seq + "}"));
            rewritten.add(next);
            head = next.asHead();
        }

        assertThat(verify(rewritten, Optional.empty()).valid()).isTrue();
        AuditVerification result = verify(rewritten, Optional.of(published));
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSeq()).contains(5L);
        assertThat(result.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("rewritten"));
    }

    @Test
    void events_appended_after_the_published_head_do_not_break_it() {
        List<AuditRecord> events = chain(TENANT, 5);

        assertThat(verify(events, Optional.of(events.get(2).asHead())).valid()).isTrue();
    }

    @Test
    void a_rewrite_after_the_published_head_goes_unnoticed() {
        List<AuditRecord> events = new ArrayList<>(chain(TENANT, 5));
        AuditHead published = events.get(2).asHead();
        AuditRecord replaced = seal(AuditChains.draft(TENANT, 4, events.get(2).hash(), "{\"forged\": true}"));
        events.subList(3, 5).clear();
        events.add(replaced);

        assertThat(verify(events, Optional.of(published)).valid()).isTrue();
    }

    @Test
    void the_genesis_head_published_for_an_empty_chain_is_always_met() {
        assertThat(verify(chain(TENANT, 2), Optional.of(AuditHead.GENESIS)).valid()).isTrue();
    }
}
