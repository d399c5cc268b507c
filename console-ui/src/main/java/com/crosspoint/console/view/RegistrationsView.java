package com.crosspoint.console.view;

import com.crosspoint.console.viewmodel.RegistrationRow;
import com.crosspoint.console.viewmodel.RegistrationsViewModel;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import org.controlsfx.control.textfield.TextFields;

import java.util.Comparator;
import java.util.List;

/** The registrations tab: users' devices and their registered contacts, with a filter. */
public final class RegistrationsView {
    private final RegistrationsViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TextField filter = TextFields.createClearableTextField();

    public RegistrationsView(RegistrationsViewModel vm) {
        this.vm = vm;
        build();
    }

    public Node node() {
        return root;
    }

    public TextField filterField() {
        return filter;
    }

    private void build() {
        filter.setId("registrations-filter");
        filter.setPromptText("Filter registrations (extension, user, contact, user agent…)   Ctrl+F");
        filter.textProperty().bindBidirectional(vm.filterProperty());

        TableView<RegistrationRow> table = new TableView<>();
        table.setId("registrations-table");
        table.setPlaceholder(new Label("No registered devices"));
        TableColumn<RegistrationRow, String> ext = Tables.column("Extension", "col-extension", 80, RegistrationRow::extensionProperty);
        TableColumn<RegistrationRow, String> user = Tables.column("SIP username", "col-sip-username", 110, RegistrationRow::sipUsernameProperty);
        TableColumn<RegistrationRow, String> contact = Tables.column("Contact", "col-contact", 230, RegistrationRow::contactProperty);
        TableColumn<RegistrationRow, String> transport = Tables.column("Transport", "col-transport", 70, RegistrationRow::transportProperty);
        TableColumn<RegistrationRow, String> agent = Tables.column("User agent", "col-user-agent", 150, RegistrationRow::userAgentProperty);
        TableColumn<RegistrationRow, String> nat = Tables.column("NAT", "col-nat", 170, RegistrationRow::natProperty);
        nat.setCellFactory(column -> new NatCell());
        TableColumn<RegistrationRow, String> expires = Tables.column("Expires in", "col-expires", 80, RegistrationRow::expiresInProperty);
        expires.setComparator(Comparator.comparingLong(RegistrationsView::seconds));
        TableColumn<RegistrationRow, String> tenant = Tables.column("Tenant", "col-tenant", 60, RegistrationRow::tenantProperty);
        tenant.visibleProperty().bind(vm.showTenantProperty());
        table.getColumns().addAll(List.of(ext, user, contact, transport, agent, nat, expires, tenant));
        SortedList<RegistrationRow> sorted = new SortedList<>(vm.registrations());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSortOrder().addAll(List.of(ext, user));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        root.setTop(filter);
        BorderPane.setMargin(filter, new Insets(8));
        root.setCenter(table);
    }

    private static long seconds(String countdown) {
        if (!Character.isDigit(countdown.isEmpty() ? 'x' : countdown.charAt(0))) {
            return 0;
        }
        long s = 0;
        for (String part : countdown.split(":")) {
            s = s * 60 + Long.parseLong(part.trim());
        }
        return s;
    }
}
