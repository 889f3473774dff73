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
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads and writes records for gson versions that cannot: gson before 2.10 fills objects by setting
 * their fields, which a record's final fields refuse ({@code IllegalAccessException}). Here a record
 * is written component by component and read through its canonical constructor; a component missing
 * from the JSON gets its type's default (null, 0, false) and unknown names are skipped.
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
        Map<String, Integer> indexByName = new HashMap<>();
        for (int i = 0; i < components.length; i++) {
            accessors[i] = components[i].getAccessor();
            accessors[i].setAccessible(true); // nested records are often not public
            types[i] = components[i].getType();
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
                    write(out, components[i], invoke(accessors[i], value));
                }
                out.endObject();
            }

            @SuppressWarnings({"unchecked", "rawtypes"})
            private void write(JsonWriter out, RecordComponent component, Object value) throws IOException {
                TypeAdapter adapter = gson.getAdapter(TypeToken.get(component.getGenericType()));
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
                        Object value = gson.getAdapter(TypeToken.get(components[index].getGenericType())).read(in);
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
