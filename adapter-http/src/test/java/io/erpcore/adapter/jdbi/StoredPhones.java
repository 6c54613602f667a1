package io.erpcore.adapter.jdbi;

import io.erpcore.tenancy.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Test access to {@code users.phone_encrypted} as it is stored, past the repository: as the owner
 * role, which sees the raw column. The table forces row-level security on its owner too, so each
 * connection sets the tenant for its session first.
 */
public final class StoredPhones {

    private final TestDatabase database;

    private StoredPhones(TestDatabase database) {
        this.database = database;
    }

    /** Stored phones of {@code database}. */
    public static StoredPhones of(TestDatabase database) {
        return new StoredPhones(database);
    }

    /** The stored text of user {@code id}'s phone, null for none. */
    public String get(TenantId tenant, UUID id) {
        try (Connection owner = ownerIn(tenant);
                PreparedStatement select = owner.prepareStatement("select phone_encrypted from users where id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("tenant " + tenant + " has no user " + id);
                }
                return row.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every stored phone text of {@code tenant}, nulls left out. */
    public List<String> all(TenantId tenant) {
        try (Connection owner = ownerIn(tenant);
                PreparedStatement select = owner.prepareStatement(
                        "select phone_encrypted from users where phone_encrypted is not null order by id");
                ResultSet rows = select.executeQuery()) {
            List<String> phones = new ArrayList<>();
            while (rows.next()) {
                phones.add(rows.getString(1));
            }
            return phones;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code text} as user {@code id}'s stored phone. */
    public void set(TenantId tenant, UUID id, String text) {
        try (Connection owner = ownerIn(tenant);
                PreparedStatement update = owner.prepareStatement("update users set phone_encrypted = ? where id = ?")) {
            update.setString(1, text);
            update.setObject(2, id);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("tenant " + tenant + " has no user " + id);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection ownerIn(TenantId tenant) throws SQLException {
        Connection owner = database.ownerConnection();
        try (PreparedStatement scope = owner.prepareStatement("select set_config('app.tenant_id', ?, false)")) {
            scope.setString(1, tenant.toString());
            scope.execute();
        } catch (SQLException e) {
            owner.close();
            throw e;
        }
        return owner;
    }
}
