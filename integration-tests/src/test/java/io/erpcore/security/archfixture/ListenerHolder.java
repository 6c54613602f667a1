package io.erpcore.security.archfixture;

/** Fixture: holds a nested interface with an I-prefix. */
public final class ListenerHolder {

    /** Violates: a nested interface announcing that it is one. */
    public interface IListener {

        void changed();
    }

    private ListenerHolder() {
    }
}
