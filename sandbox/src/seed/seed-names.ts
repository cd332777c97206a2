/** Name pools for generated persons, per country, so numbers and names roughly belong together. */
export const FIRST_NAMES: Record<string, readonly string[]> = {
  US: ['James', 'Mary', 'Robert', 'Patricia', 'Michael', 'Jennifer', 'David', 'Linda', 'Emily', 'Daniel'],
  GB: ['Oliver', 'Amelia', 'George', 'Isla', 'Harry', 'Ava', 'Jack', 'Sophie', 'Charlotte', 'Thomas'],
  DE: ['Lukas', 'Anna', 'Jonas', 'Lea', 'Felix', 'Hannah', 'Paul', 'Marie', 'Jürgen', 'Sabine'],
  EE: ['Mart', 'Kadri', 'Rasmus', 'Liis', 'Andres', 'Triin', 'Kristjan', 'Maarja', 'Tõnu', 'Kätlin'],
  FR: ['Louis', 'Camille', 'Hugo', 'Léa', 'Jules', 'Chloé', 'Gabriel', 'Manon', 'Élodie', 'Théo'],
  BR: ['João', 'Ana', 'Pedro', 'Maria', 'Lucas', 'Juliana', 'Gabriel', 'Beatriz', 'Rafael', 'Camila'],
  IN: ['Aarav', 'Priya', 'Vivaan', 'Ananya', 'Arjun', 'Diya', 'Rohan', 'Isha', 'Kabir', 'Meera'],
};

export const LAST_NAMES: Record<string, readonly string[]> = {
  US: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Garcia', 'Wilson', "O'Connor"],
  GB: ['Taylor', 'Evans', 'Thomas', 'Roberts', 'Walker', 'Wright', 'Hughes', 'Edwards', 'Green', 'Hall'],
  DE: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann'],
  EE: ['Tamm', 'Saar', 'Sepp', 'Mägi', 'Kask', 'Kukk', 'Rebane', 'Ilves', 'Pärn', 'Koppel'],
  FR: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau'],
  BR: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Rodrigues', 'Ferreira', 'Alves', 'Pereira', 'Lima', 'Gomes'],
  IN: ['Sharma', 'Patel', 'Singh', 'Kumar', 'Gupta', 'Reddy', 'Iyer', 'Nair', 'Mehta', 'Das'],
};

export const ORG_WORDS = {
  first: ['Northwind', 'Bluebird', 'Granite', 'Lumen', 'Harbor', 'Cedar', 'Vertex', 'Saffron', 'Polar', 'Aurora', 'Kestrel', 'Meridian'],
  second: ['Logistics', 'Analytics', 'Foods', 'Robotics', 'Studios', 'Energy', 'Health', 'Capital', 'Systems', 'Textiles'],
  suffix: ['Ltd', 'GmbH', 'OÜ', 'SAS', 'Ltda', 'Pvt Ltd', 'Inc', 'LLC'],
};

export const DEAL_WORDS = ['Annual licence', 'Pilot project', 'Support renewal', 'Fleet upgrade', 'Onboarding package', 'Expansion', 'Consulting block', 'Hardware order'];
