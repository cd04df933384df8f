package com.drdailyreport.shared.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@code @ExtendWith(DatabaseExtension.class)}: gives the test class a fresh migrated database
 * ({@link TestSchema}, injectable into constructors, lifecycle and test methods) and drops it
 * after the class's last test.
 */
public final class DatabaseExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DatabaseExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put(TestSchema.class, TestDatabase.freshSchema(context.getRequiredTestClass().getSimpleName()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TestSchema schema = context.getStore(NAMESPACE).remove(TestSchema.class, TestSchema.class);
        if (schema != null) {
            schema.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestSchema.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestSchema schema = context.getStore(NAMESPACE).get(TestSchema.class, TestSchema.class);
        if (schema == null) {
            throw new IllegalStateException("DatabaseExtension: no schema yet (a TestSchema parameter needs @ExtendWith on the class)");
        }
        return schema;
    }
}
