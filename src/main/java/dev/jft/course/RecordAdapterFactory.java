package dev.jft.course;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads and writes records for gson versions that cannot: gson before 2.10 fills objects by setting
 * their fields, which a record's final fields refuse ({@code IllegalAccessException}). Here a record
 * is written component by component and read through its canonical constructor; a component missing
 * from the JSON gets its type's default (null, 0, false) and unknown names are skipped. A generic
 * record's components are read and written as the type asked for says
 * ({@code new TypeToken<Pair<String, Point>>() {}}, or a component {@code Pair<String, Point> best}
 * of another record): its type variables are resolved from that parameterized type.
 *
 * <pre>{@code
 * Gson gson = new GsonBuilder().registerTypeAdapterFactory(new RecordAdapterFactory()).create();
 * }</pre>
 */
final class RecordAdapterFactory implements TypeAdapterFactory {

    @Override
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
        Class<? super T> raw = type.getRawType();
        if (!raw.isRecord()) {
            return null;
        }
        RecordComponent[] components = raw.getRecordComponents();
        Method[] accessors = new Method[components.length];
        Class<?>[] types = new Class<?>[components.length];
        TypeToken<?>[] componentTypes = new TypeToken<?>[components.length];
        Map<TypeVariable<?>, Type> arguments = typeArguments(raw, type.getType());
        Map<String, Integer> indexByName = new HashMap<>();
        for (int i = 0; i < components.length; i++) {
            accessors[i] = components[i].getAccessor();
            accessors[i].setAccessible(true); // nested records are often not public
            types[i] = components[i].getType();
            componentTypes[i] = TypeToken.get(resolve(components[i].getGenericType(), arguments));
            indexByName.put(components[i].getName(), i);
        }
        Constructor<? super T> canonical;
        try {
            canonical = raw.getDeclaredConstructor(types);
            canonical.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("record " + raw.getName() + " has no canonical constructor", e);
        }
        return new TypeAdapter<T>() {
            @Override
            public void write(JsonWriter out, T value) throws IOException {
                if (value == null) {
                    out.nullValue();
                    return;
                }
                out.beginObject();
                for (int i = 0; i < components.length; i++) {
                    out.name(components[i].getName());
                    write(out, componentTypes[i], invoke(accessors[i], value));
                }
                out.endObject();
            }

            @SuppressWarnings({"unchecked", "rawtypes"})
            private void write(JsonWriter out, TypeToken<?> componentType, Object value) throws IOException {
                TypeAdapter adapter = gson.getAdapter(componentType);
                adapter.write(out, value);
            }

            @Override
            @SuppressWarnings("unchecked")
            public T read(JsonReader in) throws IOException {
                if (in.peek() == JsonToken.NULL) {
                    in.nextNull();
                    return null;
                }
                Object[] values = new Object[components.length];
                for (int i = 0; i < components.length; i++) {
                    values[i] = types[i].isPrimitive() ? Array.get(Array.newInstance(types[i], 1), 0) : null;
                }
                in.beginObject();
                while (in.hasNext()) {
                    Integer index = indexByName.get(in.nextName());
                    if (index == null) {
                        in.skipValue();
                    } else {
                        Object value = gson.getAdapter(componentTypes[index]).read(in);
                        if (value != null || !types[index].isPrimitive()) {
                            values[index] = value;
                        }
                    }
                }
                in.endObject();
                try {
                    return (T) canonical.newInstance(values);
                } catch (InvocationTargetException e) {
                    throw new JsonParseException("the values do not make a valid " + raw.getSimpleName() + ": "
                            + e.getCause().getMessage(), e.getCause());
                } catch (ReflectiveOperationException e) {
                    throw new JsonParseException("could not create a " + raw.getSimpleName(), e);
                }
            }
        };
    }

    /** The record's type variables bound to the arguments of {@code type}; empty for a raw or non-generic record. */
    private static Map<TypeVariable<?>, Type> typeArguments(Class<?> record, Type type) {
        Map<TypeVariable<?>, Type> arguments = new HashMap<>();
        if (type instanceof ParameterizedType parameterized) {
            TypeVariable<?>[] variables = record.getTypeParameters();
            Type[] actual = parameterized.getActualTypeArguments();
            for (int i = 0; i < variables.length && i < actual.length; i++) {
                arguments.put(variables[i], actual[i]);
            }
        }
        return arguments;
    }

    /**
     * {@code type} with the record's type variables replaced by their arguments, inside
     * parameterized types and arrays too ({@code List<A>}, {@code A[]}); a variable without an
     * argument (a raw record) becomes its first bound's class, as gson treats it. Uses only the
     * {@link TypeToken} factories that gson 2.8 already has.
     */
    private static Type resolve(Type type, Map<TypeVariable<?>, Type> arguments) {
        if (type instanceof TypeVariable<?> variable) {
            Type argument = arguments.get(variable);
            return argument != null ? resolve(argument, Map.of()) : erasure(variable.getBounds()[0]);
        }
        if (type instanceof ParameterizedType parameterized) {
            Type[] resolved = Arrays.stream(parameterized.getActualTypeArguments()).map(t -> resolve(t, arguments))
                    .toArray(Type[]::new);
            return TypeToken.getParameterized(parameterized.getRawType(), resolved).getType();
        }
        if (type instanceof GenericArrayType array) {
            return TypeToken.getArray(resolve(array.getGenericComponentType(), arguments)).getType();
        }
        if (type instanceof WildcardType wildcard) {
            return resolve(wildcard.getUpperBounds()[0], arguments); // gson reads ? extends T as T
        }
        return type;
    }

    private static Type erasure(Type bound) {
        return bound instanceof ParameterizedType parameterized ? parameterized.getRawType()
                : bound instanceof Class<?> ? bound : Object.class;
    }

    private static Object invoke(Method accessor, Object record) {
        try {
            return accessor.invoke(record);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(accessor + " failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(accessor + " is not accessible", e);
        }
    }
}
